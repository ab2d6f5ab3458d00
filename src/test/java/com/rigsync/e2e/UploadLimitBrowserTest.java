package com.rigsync.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.rigsync.SpringAppTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data manager's session posts a 300 MB body straight to the CSV import's upload address, as an attacker would
 * (the browser's own size check is skipped): the server refuses it without holding it, and the dialog says why in
 * plain words. The server runs in this JVM, so its heap is the one measured.
 */
@SpringAppTest
class UploadLimitBrowserTest extends BrowserTest {

    private static final long HOSTILE_BYTES = 300L * 1024 * 1024;

    @Test
    void aHugeBodyPostedToTheImportAddressIsRefusedUnreadAndTheDialogSaysSo() throws Exception {
        open("/");
        signIn("manager", "rigsync-demo");
        wait.until(d -> d.getPageSource().contains("Springfield Fire Rescue"));
        open("/apparatus");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-button[contains(., 'Import CSV')]")))
                .click();
        WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-upload")));
        String target = (String) ((JavascriptExecutor) driver).executeScript("return arguments[0].target", upload);
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        URI address = URI.create("http://localhost:" + port + "/").resolve(target);

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long before = heapPeakAfterReset();
        // once with the size declared (refused before reading), once streamed without a declared size
        String declared = post(client, address, session, true);
        String streamed = post(client, address, session, false);
        long grewBy = heapPeak() - before;

        assertThat(List.of(declared, streamed)).allSatisfy(answer -> assertThat(answer).isNotEqualTo("200"));
        // the old in-memory upload held the whole 300 MB (and more while it grew); a refusal holds at most the 5 MB
        assertThat(grewBy).as("heap peak growth in bytes").isLessThan(120L * 1024 * 1024);
        wait.until(d -> d.getPageSource().contains("is too large: the file must be a CSV file of at most 5 MB and "
                + "10,000 rows."));
    }

    /** The status code, or what the connection did when the server stopped reading (it need not read the rest). */
    private String post(HttpClient client, URI address, Cookie session, boolean declareSize) throws Exception {
        HttpRequest.BodyPublisher body = declareSize
                ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(Rows::new),
                HOSTILE_BYTES)
                : HttpRequest.BodyPublishers.ofInputStream(Rows::new);
        HttpRequest request = HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(120))
                .header("Cookie", "JSESSIONID=" + session.getValue())
                .header("Content-Type", "application/octet-stream")
                .header("X-Filename", "huge.csv")
                .POST(body).build();
        try {
            return String.valueOf(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return "connection closed by the server";
        }
    }

    private static long heapPeakAfterReset() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        return heapPeak();
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** 300 MB of CSV-looking rows, made as they are read, so the test itself holds none of it. */
    private static final class Rows extends InputStream {
        private static final byte[] ROW = "Engine 99,Engine,In service\n".getBytes();
        private long sent;

        @Override
        public int read() {
            return sent >= HOSTILE_BYTES ? -1 : ROW[(int) (sent++ % ROW.length)];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (sent >= HOSTILE_BYTES) {
                return -1;
            }
            int n = (int) Math.min(len, HOSTILE_BYTES - sent);
            for (int i = 0; i < n; i++) {
                b[off + i] = ROW[(int) ((sent + i) % ROW.length)];
            }
            sent += n;
            return n;
        }
    }
}
