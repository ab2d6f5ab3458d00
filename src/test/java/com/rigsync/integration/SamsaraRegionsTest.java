package com.rigsync.integration;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamsaraRegionsTest {

    @Test
    void operatorEntriesBecomeRegionsStoredUnderAKey() {
        SamsaraRegions regions = new SamsaraRegions(new MockEnvironment(),
                " Samsara via proxy = https://samsara-proxy.example.org/ , Local fake=http://localhost:9000/samsara");
        assertThat(regions.all()).extracting(Region::key).containsExactly("us", "eu", "samsara-via-proxy", "local-fake");
        assertThat(regions.baseUrl("samsara-via-proxy")).isEqualTo("https://samsara-proxy.example.org");
        assertThat(regions.baseUrl("local-fake")).isEqualTo("http://localhost:9000/samsara");
        assertThat(regions.baseUrl("eu")).isEqualTo("https://api.eu.samsara.com");
        assertThat(regions.exists("simulated")).as("only the demo offers the simulator").isFalse();
    }

    @Test
    void theDemoOffersTheSimulatorOnItsOwnPort() {
        MockEnvironment demo = new MockEnvironment().withProperty("local.server.port", "8084");
        demo.setActiveProfiles("demo");
        SamsaraRegions regions = new SamsaraRegions(demo, "");
        assertThat(regions.baseUrl("simulated")).isEqualTo("http://localhost:8084/simulated-samsara");
    }

    @Test
    void aSecondDemoInstanceSyncsAgainstTheFirstOnesSimulator() {
        MockEnvironment second = new MockEnvironment().withProperty("local.server.port", "8081")
                .withProperty("rigsync.demo.first-instance", "http://localhost:8080/");
        second.setActiveProfiles("demo");
        SamsaraRegions regions = new SamsaraRegions(second, "");
        assertThat(regions.baseUrl("simulated")).isEqualTo("http://localhost:8080/simulated-samsara");
    }

    @Test
    void invalidEntriesRefuseStartUpWithTheReason() {
        Map.of("Plain=http://samsara.example.org", "must start with https://",
                "no-equals-sign", "is not a Label=URL entry",
                "Proxy=https://a.example.org,Proxy=https://b.example.org", "appears twice",
                "US=https://a.example.org", "clashes with another region",
                "Query=https://a.example.org/?x=1", "no user name, query or fragment",
                "Local=ftp://localhost/x", "must start with https://")
                .forEach((configured, reason) -> assertThatThrownBy(
                        () -> new SamsaraRegions(new MockEnvironment(), configured))
                        .as(configured).isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("RIGSYNC_SAMSARA_BASE_URLS").hasMessageContaining(reason));
    }

    @Test
    void anUnknownRegionIsRefusedWithWhatToDo() {
        SamsaraRegions regions = new SamsaraRegions(new MockEnvironment(), "");
        assertThatThrownBy(() -> regions.baseUrl("gone")).hasMessageContaining("Choose a region");
    }
}
