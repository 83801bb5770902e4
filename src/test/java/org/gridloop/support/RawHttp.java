package org.gridloop.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for attack tests that need what a client library would not send:
 * the request target exactly as written ({@code /api/%63ases}, {@code //api//cases;x}), a body
 * declared larger than what is sent, a chunked body that never ends, and a client address of its
 * own (any 127.x.y.z: the whole of 127.0.0.0/8 is loopback), so one test can be many clients.
 * Every request is one connection ({@code Connection: close}); the body is written by a second
 * thread, so an answer that comes before the body is read (413) is read as it comes.
 */
public final class RawHttp {

  /** What came back. */
  public record Response(int status, Map<String, String> headers, String body) {
    /** A header by name, case-insensitive; null if absent. */
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final String clientAddress;
  private final int port;

  /** @param clientAddress the local address to send from, e.g. {@code 127.0.5.1} */
  public RawHttp(String clientAddress, int port) {
    this.clientAddress = clientAddress;
    this.port = port;
  }

  public Response get(String target, String... headers) {
    return exchange("GET", target, List.of(headers), null, out -> {});
  }

  /** A request with its whole body and its {@code Content-Length}. */
  public Response send(String method, String target, byte[] body, String... headers) {
    return exchange(method, target, List.of(headers), (long) body.length, out -> out.write(body));
  }

  public Response postJson(String target, String json, String... headers) {
    List<String> all = new ArrayList<>(List.of(headers));
    all.add("Content-Type: application/json");
    return send("POST", target, json.getBytes(StandardCharsets.UTF_8), all.toArray(String[]::new));
  }

  /** Declares a body of {@code declaredLength} bytes and sends only {@code sent}, then waits for the answer. */
  public Response declare(String method, String target, long declaredLength, byte[] sent, String... headers) {
    return exchange(method, target, List.of(headers), declaredLength, out -> out.write(sent));
  }

  /** A chunked body (no {@code Content-Length}): {@code count} times {@code chunk}, then the end, if {@code finish}. */
  public Response chunked(String method, String target, byte[] chunk, int count, boolean finish, String... headers) {
    List<String> all = new ArrayList<>(List.of(headers));
    all.add("Transfer-Encoding: chunked");
    return exchange(method, target, all, null, out -> {
      for (int i = 0; i < count; i++) {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
      if (finish) {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      }
    });
  }

  private interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private Response exchange(String method, String target, List<String> headers, Long contentLength, Body body) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(clientAddress, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout(60_000);
      StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
          .append("Host: 127.0.0.1:").append(port).append("\r\n").append("Connection: close\r\n");
      headers.forEach(h -> head.append(h).append("\r\n"));
      if (contentLength != null) {
        head.append("Content-Length: ").append(contentLength).append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      Thread writer = new Thread(() -> {
        try {
          body.writeTo(out);
          out.flush();
        } catch (IOException e) {
          // the server answered and closed before the whole body was sent: that is the answer
        }
      }, "raw-http-body");
      writer.setDaemon(true);
      writer.start();
      Response response = read(socket.getInputStream());
      writer.join(5_000);
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + target + " from " + clientAddress + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Response read(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine == null) {
      throw new IOException("The server closed the connection without an answer");
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
          (a, b) -> a + ", " + b);
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
          size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
        body.write(in.readNBytes(size));
        line(in);
      }
    } else if (headers.containsKey("content-length")) {
      body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
    } else {
      body.write(in.readAllBytes());
    }
    return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
