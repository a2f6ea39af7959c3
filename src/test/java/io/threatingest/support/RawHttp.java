package io.threatingest.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 connection written by hand, so that a test decides exactly how a body travels: with
 * {@code Content-Length} or chunked, one request per connection or several on one kept-alive connection.
 * Every read is bounded by a timeout: a server that never answers fails the test instead of hanging it.
 */
public final class RawHttp implements AutoCloseable {

    public enum Encoding {
        CONTENT_LENGTH, CHUNKED
    }

    /** One answer: status, headers (names in lower case) and body. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final int CHUNK = 64 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawHttp(String host, int port, int timeoutMillis) throws IOException {
        socket = new Socket(host, port);
        // the head and the body go out as separate writes: with Nagle's algorithm on, the body would wait for the
        // server's delayed acknowledgement of the head (about 40 ms a request)
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutMillis);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Sends one POST and reads its answer; the connection stays open unless {@code close} is set. */
    public Answer post(String path, Map<String, String> headers, byte[] body, Encoding encoding, boolean close)
            throws IOException {
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: localhost\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append(encoding == Encoding.CHUNKED
                ? "Transfer-Encoding: chunked\r\n"
                : "Content-Length: " + body.length + "\r\n");
        if (close) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        try {
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            if (encoding == Encoding.CHUNKED) {
                for (int offset = 0; offset < body.length; offset += CHUNK) {
                    int length = Math.min(CHUNK, body.length - offset);
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, offset, length);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(body);
            }
            out.flush();
        } catch (IOException closedEarly) {
            // a server that refuses a body may answer and close before it is all sent: read that answer
        }
        return read();
    }

    private Answer read() throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                all.write(in.readNBytes(size));
                line();
            }
            line();
            body = all.toByteArray();
        } else {
            body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        }
        return new Answer(Integer.parseInt(parts[1]), headers, body);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed before the answer was complete");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
