package org.gridloop.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.gridloop.system.ApiErrors;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds request bodies before anything parses them; a body over its limit gets 413 with the API's
 * JSON error. A declared {@code Content-Length} over the limit is refused before a byte of the
 * body is read; a body without one (chunked) is counted while it is read and refused as soon as
 * it passes the limit (what the endpoint made of the cut body is discarded).
 *
 * <p>GridLoop's API ({@code /api/**}) and the webapps' anonymous login form get the API's limit
 * ({@code gridloop.api.max-body-size}); the engine REST API, the webapps' API (Tasklist form
 * submissions with meeting minutes and plans, Modeler deployments) and everything else get the
 * larger {@code gridloop.engine-rest.max-body-size}.
 */
public class RequestBodyLimit extends OncePerRequestFilter {

  /** Thrown by the body's stream once the body passes its limit. */
  static final class BodyTooLarge extends IOException {
    BodyTooLarge(long limit) {
      super("The request body is larger than " + limit + " bytes");
    }
  }

  private final DataSize apiLimit;
  private final DataSize engineLimit;

  public RequestBodyLimit(DataSize apiLimit, DataSize engineLimit) {
    this.apiLimit = apiLimit;
    this.engineLimit = engineLimit;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String route = Routes.of(request);
    DataSize limit = Routes.isApi(route) || Routes.WEBAPP_LOGIN.matcher(route).matches() ? apiLimit : engineLimit;
    long declared = request.getContentLengthLong();
    if (declared > limit.toBytes()) {
      refuse(response, limit);
      return;
    }
    if (declared >= 0 || request.getHeader("Transfer-Encoding") == null) {
      chain.doFilter(request, response); // the container reads no more than the declared length
      return;
    }
    CountedBody counted = new CountedBody(request, limit.toBytes());
    try {
      chain.doFilter(counted, new HeldResponse(response, counted));
    } catch (IOException | ServletException | RuntimeException e) {
      if (!counted.exceeded) {
        throw e;
      }
    }
    if (counted.exceeded && !response.isCommitted()) {
      response.reset();
      refuse(response, limit);
    }
  }

  private static void refuse(HttpServletResponse response, DataSize limit) throws IOException {
    // The rest of the body is not read: close the connection rather than wait for it.
    response.setHeader("Connection", "close");
    ApiErrors.send(response, HttpStatus.valueOf(413), "The request body is larger than " + readable(limit)
        + ", the limit for this address");
    // Out now: the container may still wait for the rest of a chunked body before it finishes.
    response.flushBuffer();
  }

  private static String readable(DataSize size) {
    long bytes = size.toBytes();
    if (bytes % (1024 * 1024) == 0) {
      return size.toMegabytes() + " MB";
    }
    return bytes % 1024 == 0 ? size.toKilobytes() + " KB" : bytes + " bytes";
  }

  /** The request, its body counted as it is read. */
  private static final class CountedBody extends HttpServletRequestWrapper {

    private final long limit;
    private long read;
    private volatile boolean exceeded;
    private ServletInputStream stream;

    CountedBody(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream body = super.getInputStream();
        stream = new ServletInputStream() {
          @Override
          public int read() throws IOException {
            int b = body.read();
            if (b >= 0) {
              count(1);
            }
            return b;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
              count(n);
            }
            return n;
          }

          @Override
          public boolean isFinished() {
            return body.isFinished();
          }

          @Override
          public boolean isReady() {
            return body.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
          }
        };
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    private void count(int n) throws BodyTooLarge {
      read += n;
      if (read > limit) {
        exceeded = true;
        throw new BodyTooLarge(limit);
      }
    }
  }

  /** The response, on hold once the body passed its limit: nothing the endpoint writes then goes out. */
  private static final class HeldResponse extends HttpServletResponseWrapper {

    private final CountedBody body;

    HeldResponse(HttpServletResponse response, CountedBody body) {
      super(response);
      this.body = body;
    }

    private boolean held() {
      return body.exceeded;
    }

    @Override
    public void setStatus(int status) {
      if (!held()) {
        super.setStatus(status);
      }
    }

    @Override
    public void sendError(int status) throws IOException {
      if (!held()) {
        super.sendError(status);
      }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (!held()) {
        super.sendError(status, message);
      }
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      if (!held()) {
        super.sendRedirect(location);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!held()) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!held()) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setIntHeader(String name, int value) {
      if (!held()) {
        super.setIntHeader(name, value);
      }
    }

    @Override
    public void setContentType(String type) {
      if (!held()) {
        super.setContentType(type);
      }
    }

    @Override
    public void setContentLength(int length) {
      if (!held()) {
        super.setContentLength(length);
      }
    }

    @Override
    public void setContentLengthLong(long length) {
      if (!held()) {
        super.setContentLengthLong(length);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!held()) {
        super.flushBuffer();
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (held()) {
        return discarding();
      }
      ServletOutputStream out = super.getOutputStream();
      return new ServletOutputStream() {
        @Override
        public void write(int b) throws IOException {
          if (!held()) {
            out.write(b);
          }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
          if (!held()) {
            out.write(bytes, offset, length);
          }
        }

        @Override
        public void flush() throws IOException {
          if (!held()) {
            out.flush();
          }
        }

        @Override
        public void close() throws IOException {
          if (!held()) {
            out.close();
          }
        }

        @Override
        public boolean isReady() {
          return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          out.setWriteListener(listener);
        }
      };
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (held()) {
        return new PrintWriter(Writer.nullWriter());
      }
      PrintWriter out = super.getWriter();
      return new PrintWriter(new Writer() {
        @Override
        public void write(char[] chars, int offset, int length) {
          if (!held()) {
            out.write(chars, offset, length);
          }
        }

        @Override
        public void flush() {
          if (!held()) {
            out.flush();
          }
        }

        @Override
        public void close() {
          if (!held()) {
            out.close();
          }
        }
      });
    }

    private static ServletOutputStream discarding() {
      return new ServletOutputStream() {
        @Override
        public void write(int b) {}

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {}
      };
    }
  }
}
