package com.rigsync.base.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * Receives one uploaded file into memory only up to a limit of bytes and lines, on the server: a body that declares a
 * larger size is refused before a byte of it is read, one that turns out larger stops being read at the limit. So the
 * heap never holds more than the limit, whatever is posted to the upload address. The browser's own limit (Upload's
 * max file size) only spares honest users the wait.
 */
public final class LimitedUpload implements UploadHandler {

    /** Room for a multipart request's boundaries and part headers around the one file. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final long maxBytes;
    private final int maxLines;
    private final String limits;
    private final BiConsumer<String, byte[]> received;
    private final Consumer<String> refused;

    /**
     * @param limits   the limits in the department's words, completing "The file must be ...", e.g. "a CSV file of at
     *                 most 5 MB and 10,000 rows"
     * @param received called in the UI with the file name and its bytes
     * @param refused  called in the UI with a plain sentence why the file was refused
     */
    public LimitedUpload(long maxBytes, int maxLines, String limits, BiConsumer<String, byte[]> received,
                         Consumer<String> refused) {
        this.maxBytes = maxBytes;
        this.maxLines = maxLines;
        this.limits = limits;
        this.received = received;
        this.refused = refused;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String name = event.getFileName() == null || event.getFileName().isBlank() ? "The file" : event.getFileName();
        UI ui = event.getUI();
        if (event.getFileSize() > maxBytes) {
            refuse(event, ui, name + " is too large: the file must be " + limits + ".");
            return;
        }
        byte[] bytes;
        try (InputStream in = event.getInputStream()) {
            bytes = readWithin(in);
        }
        if (bytes == null) {
            refuse(event, ui, name + " is too large: the file must be " + limits + ".");
            return;
        }
        if (ui != null) {
            ui.access(() -> received.accept(name, bytes));
        }
    }

    /** The stream's bytes, or null as soon as it passes the byte or line limit (the rest is never read). */
    private byte[] readWithin(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        long lines = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            if (out.size() + (long) read > maxBytes) {
                return null;
            }
            for (int i = 0; i < read; i++) {
                // quoted line breaks count too: a cheap upper bound, the parser counts rows exactly
                if (buffer[i] == '\n' && ++lines > maxLines) {
                    return null;
                }
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private void refuse(UploadEvent event, UI ui, String message) {
        event.reject(message);
        if (ui != null) {
            ui.access(() -> refused.accept(message));
        }
    }

    @Override
    public long getRequestSizeMax() {
        return maxBytes + MULTIPART_OVERHEAD;
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }
}
