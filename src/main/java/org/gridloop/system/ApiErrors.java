package org.gridloop.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * Every error of GridLoop's API as JSON: {@code status}, {@code error}, {@code message} and, for
 * invalid or conflicting input, {@code errors}: one entry per bad field, named as in the request
 * ({@code reporter.email}).
 */
@RestControllerAdvice(basePackages = "org.gridloop")
public class ApiErrors {

  private static final ObjectMapper FILTER_JSON = new ObjectMapper();

  /** One bad field of a request. */
  public record FieldProblem(String field, String message) {}

  /** Thrown by API code for input that passed bean validation but not the directory or the rules. */
  public static class InvalidInput extends RuntimeException {
    private final List<FieldProblem> problems;

    public InvalidInput(List<FieldProblem> problems) {
      super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
      this.problems = List.copyOf(problems);
    }

    public InvalidInput(String field, String message) {
      this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
      return problems;
    }
  }

  /** Thrown for input that contradicts what is already stored (409), naming the field. */
  public static class ConflictingInput extends RuntimeException {
    private final FieldProblem problem;

    public ConflictingInput(String field, String message) {
      super(field + ": " + message);
      this.problem = new FieldProblem(field, message);
    }
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e) {
    List<FieldProblem> problems = new ArrayList<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      problems.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
    }
    e.getBindingResult().getGlobalErrors().forEach(g -> problems.add(new FieldProblem(g.getObjectName(), g.getDefaultMessage())));
    return badRequest(problems);
  }

  @ExceptionHandler(InvalidInput.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidInput e) {
    return badRequest(e.problems());
  }

  @ExceptionHandler(ConflictingInput.class)
  ResponseEntity<Map<String, Object>> conflicting(ConflictingInput e) {
    return body(HttpStatus.CONFLICT, "Conflicting input: " + e.problem.field(), List.of(e.problem));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    String detail = e.getMostSpecificCause().getMessage();
    if (detail != null && detail.length() > 300) {
      detail = detail.substring(0, 300);
    }
    return body(HttpStatus.BAD_REQUEST, "The request body is not valid JSON for this endpoint: " + detail, null);
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> status(ResponseStatusException e) {
    return body(e.getStatusCode(), e.getReason(), null);
  }

  private static ResponseEntity<Map<String, Object>> badRequest(List<FieldProblem> problems) {
    String message = "Invalid input: " + String.join(", ", problems.stream().map(FieldProblem::field).distinct().toList());
    return body(HttpStatus.BAD_REQUEST, message, problems);
  }

  /** The same JSON, written by a servlet filter that answers before any controller is reached. */
  public static void send(HttpServletResponse response, HttpStatusCode status, String message) throws IOException {
    byte[] json = FILTER_JSON.writeValueAsBytes(body(status, message, null).getBody());
    response.setStatus(status.value());
    response.setContentType("application/json;charset=UTF-8");
    response.setContentLength(json.length); // complete as it stands, even if the request body is not read
    response.getOutputStream().write(json);
  }

  static ResponseEntity<Map<String, Object>> body(HttpStatusCode status, String message, List<FieldProblem> problems) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    HttpStatus known = HttpStatus.resolve(status.value());
    body.put("error", known == null ? "" : known.getReasonPhrase());
    body.put("message", message);
    if (problems != null) {
      body.put("errors", problems);
    }
    return ResponseEntity.status(status).body(body);
  }
}
