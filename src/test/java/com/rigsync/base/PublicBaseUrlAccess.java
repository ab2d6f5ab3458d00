package com.rigsync.base;

import org.springframework.mock.env.MockEnvironment;

/** For tests in other packages: a {@link PublicBaseUrl} with a configured address. */
public final class PublicBaseUrlAccess {

    private PublicBaseUrlAccess() {
    }

    public static PublicBaseUrl fixed(String url) {
        return new PublicBaseUrl(new MockEnvironment(), url);
    }
}
