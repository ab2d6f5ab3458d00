package com.rigsync.alert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback SMTP server that answers "550 no such user" to one recipient and takes every other mail: the fake at
 * the network edge for "an address the mail server rejects", which GreenMail cannot do (it accepts every
 * recipient). Speaks just enough SMTP for Jakarta Mail: EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
 */
final class RefusingMailServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String refused;
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final Thread accepting;

    RefusingMailServer(String refusedAddress) {
        this.refused = refusedAddress.toLowerCase(Locale.ROOT);
        try {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        accepting = Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    converse(client);
                } catch (IOException e) {
                    // closed, or the client went away: wait for the next one
                }
            }
        });
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The recipients of the mails it took, in order. */
    List<String> delivered() {
        return List.copyOf(delivered);
    }

    private void converse(Socket client) throws IOException {
        var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
        reply(out, "220 refusing.test ESMTP");
        List<String> recipients = new CopyOnWriteArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, "250 refusing.test");
            } else if (command.startsWith("MAIL FROM")) {
                recipients.clear();
                reply(out, "250 2.1.0 Ok");
            } else if (command.startsWith("RCPT TO")) {
                String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')).toLowerCase(Locale.ROOT);
                if (address.equals(refused)) {
                    reply(out, "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown");
                } else {
                    recipients.add(address);
                    reply(out, "250 2.1.5 Ok");
                }
            } else if (command.equals("DATA")) {
                reply(out, "354 End data with <CR><LF>.<CR><LF>");
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // the message itself is not kept
                }
                delivered.addAll(recipients);
                reply(out, "250 2.0.0 Ok: queued");
            } else if (command.equals("QUIT")) {
                reply(out, "221 2.0.0 Bye");
                return;
            } else {
                reply(out, "250 Ok");
            }
        }
    }

    private static void reply(PrintWriter out, String text) {
        out.print(text + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws Exception {
        socket.close();
        accepting.join(2000);
    }
}
