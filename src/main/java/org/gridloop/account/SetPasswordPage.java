package org.gridloop.account;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.gridloop.account.PasswordLinks.Opened;
import org.gridloop.account.PasswordLinks.State;
import org.gridloop.notify.MailTemplates;
import org.gridloop.system.ApiErrors.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a mailed password link opens ({@value PasswordLinks#PAGE}{@code ?token=…}): the person
 * chooses a password and then logs in to Tasklist with it. A link that was used, replaced or has
 * expired gets a page saying so (410), an unknown one 404; the page never shows what it does not
 * know to whoever holds a wrong token.
 */
@Controller
@RequestMapping(PasswordLinks.PAGE)
class SetPasswordPage {

  static final String VIEW = "account/set-password";

  private final PasswordLinks links;
  private final IdentityService identity;
  private final MailTemplates format;

  SetPasswordPage(PasswordLinks links, IdentityService identity, MailTemplates format) {
    this.links = links;
    this.identity = identity;
    this.format = format;
  }

  @GetMapping
  String show(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
    noCaching(response);
    Opened opened = links.open(token);
    if (opened.state() != State.VALID) {
      return closed(opened.state(), model, response);
    }
    return form(token, opened, List.of(), model);
  }

  @PostMapping
  String set(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
      @RequestParam(required = false) String confirmation, Model model, HttpServletResponse response) {
    noCaching(response);
    Opened opened = links.open(token);
    if (opened.state() != State.VALID) {
      return closed(opened.state(), model, response);
    }
    List<FieldProblem> problems = links.check(opened.link().userId(), password, confirmation);
    if (!problems.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return form(token, opened, problems, model);
    }
    State result = links.redeem(token, password);
    if (result != State.VALID) {
      return closed(result, model, response);
    }
    model.addAttribute("view", "done");
    model.addAttribute("userId", opened.link().userId());
    return VIEW;
  }

  private String form(String token, Opened opened, List<FieldProblem> problems, Model model) {
    User user = identity.createUserQuery().userId(opened.link().userId()).singleResult();
    model.addAttribute("view", "form");
    model.addAttribute("token", token);
    model.addAttribute("userId", opened.link().userId());
    model.addAttribute("name", user == null ? "" : user.getFirstName());
    model.addAttribute("expiresAt", format.format(opened.link().expiresAt()));
    model.addAttribute("minLength", PasswordLinks.MIN_LENGTH);
    Map<String, String> errors = problems.stream()
        .collect(Collectors.toMap(FieldProblem::field, FieldProblem::message, (a, b) -> a));
    model.addAttribute("errors", errors);
    return VIEW;
  }

  private static String closed(State state, Model model, HttpServletResponse response) {
    response.setStatus(state == State.UNKNOWN ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
    model.addAttribute("view", state.name().toLowerCase(Locale.ROOT));
    return VIEW;
  }

  /** The token is in the address: keep the page out of caches and referrers, and out of frames. */
  private static void noCaching(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
  }
}
