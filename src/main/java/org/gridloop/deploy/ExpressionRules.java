package org.gridloop.deploy;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression (JUEL, {@code ${…}}) may do in GridLoop, checked on its parsed tree, never on
 * its text. A model's expression, and an administrator's query, may read variables and their
 * properties, compute with them, and call the methods GridLoop publishes ({@link PublishedBeans});
 * nothing may reach an engine object ({@code execution}, {@code task}), call a method on a variable
 * or a literal ({@code ''.concat(…)}, {@code ''.getClass()}), or read a {@code class} property.
 * Everyone else's task queries (Tasklist filters) may hold only the filter functions:
 * {@code ${currentUser()}}, {@code ${currentUserGroups()}}, {@code ${now()}} and
 * {@code ${dateTime()}} moved by whole units ({@code ${dateTime().plusHours(24)}}).
 */
public final class ExpressionRules {

  /** Objects the engine puts in every expression's scope: each leads to the whole engine. */
  static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "caseExecution", "externalTask");
  /** The engine's expression functions (ProcessEngineConfigurationImpl#initExpressionManager). */
  static final Set<String> FUNCTIONS = Set.of("currentUser", "currentUserGroups", "now", "dateTime");
  /** What a filter may do with {@code dateTime()}: move it by whole units, or turn it into a date. */
  static final Set<String> DATE_TIME_METHODS = Set.of("plusYears", "plusMonths", "plusWeeks", "plusDays",
      "plusHours", "plusMinutes", "plusSeconds", "minusYears", "minusMonths", "minusWeeks", "minusDays",
      "minusHours", "minusMinutes", "minusSeconds", "withTimeAtStartOfDay", "toDate");

  private static final Builder PARSER = new Builder(Builder.Feature.values());

  private final PublishedBeans beans;

  public ExpressionRules(PublishedBeans beans) {
    this.beans = beans;
  }

  /** Whether the text holds an expression at all (plain text is a constant). */
  public static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** Why a model's (or an administrator's) expression is refused, or empty when it is allowed. */
  public Optional<String> checkModel(String expression) {
    return parse(expression).flatMap(root -> root.problem == null ? new ModelWalk().problem(root.node) : Optional.of(root.problem));
  }

  /** Why a staff member's task-query expression is refused, or empty when it is one of the filter functions. */
  public Optional<String> checkStaffQuery(String expression) {
    Optional<Parsed> parsed = parse(expression);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    if (parsed.get().problem != null) {
      return Optional.of(parsed.get().problem);
    }
    Node root = parsed.get().node;
    if (root instanceof AstEval eval && isFilterFunction(eval.getChild(0))) {
      return Optional.empty();
    }
    return Optional.of("only ${currentUser()}, ${currentUserGroups()}, ${now()} and ${dateTime()} moved by whole "
        + "units (e.g. ${dateTime().plusHours(24)}) are allowed in task queries");
  }

  private record Parsed(Node node, String problem) {}

  private static Optional<Parsed> parse(String expression) {
    if (expression == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Parsed((Node) PARSER.build(expression).getRoot(), null));
    } catch (TreeBuilderException | IllegalArgumentException e) {
      return Optional.of(new Parsed(null, "not a valid expression: " + e.getMessage()));
    }
  }

  private static boolean isFilterFunction(Node node) {
    if (node instanceof AstFunction function && !"dateTime".equals(function.getName())) {
      return Set.of("currentUser", "currentUserGroups", "now").contains(function.getName())
          && function.getParamCount() == 0;
    }
    return isDateTimeChain(node);
  }

  /** {@code dateTime()}, or a chain of {@link #DATE_TIME_METHODS} on it with integer literal arguments. */
  private static boolean isDateTimeChain(Node node) {
    if (node instanceof AstFunction function) {
      return "dateTime".equals(function.getName()) && function.getParamCount() == 0;
    }
    if (node instanceof AstMethod method && method.getChild(0) instanceof AstDot dot
        && DATE_TIME_METHODS.contains(propertyName(dot)) && isDateTimeChain(dot.getChild(0))) {
      Node parameters = method.getChild(1);
      for (int i = 0; i < parameters.getCardinality(); i++) {
        if (!isIntegerLiteral(parameters.getChild(i))) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean isIntegerLiteral(Node node) {
    if (node instanceof AstUnary unary && unary.toString().equals("'-'")) {
      return isIntegerLiteral(unary.getChild(0));
    }
    return node instanceof AstNumber number && number.eval(null, null) instanceof Long;
  }

  /** {@code a.b} → {@code b}; {@code a['b']} → {@code b}; a computed {@code a[b]} → null. */
  static String propertyName(AstProperty property) {
    if (property instanceof AstDot dot) {
      String text = dot.toString(); // ". name"
      return text.substring(text.indexOf('.') + 1).trim();
    }
    Node index = property.getChild(1);
    return index instanceof AstString string ? String.valueOf(string.eval(null, null)) : null;
  }

  /** Walks a model expression's tree; the first problem found, or empty. */
  private final class ModelWalk {

    Optional<String> problem(Node node) {
      if (node instanceof AstText || node instanceof AstString || node instanceof AstNumber
          || node instanceof AstBoolean || node instanceof AstNull) {
        return Optional.empty();
      }
      if (node instanceof AstIdentifier identifier) {
        return ENGINE_OBJECTS.contains(identifier.getName())
            ? Optional.of("'" + identifier.getName() + "' is an engine object; expressions may use variables and "
                + "GridLoop's published beans only")
            : Optional.empty();
      }
      if (node instanceof AstFunction function) {
        if (!FUNCTIONS.contains(function.getName())) {
          return Optional.of("unknown function " + function.getName() + "()");
        }
        return children(node);
      }
      if (node instanceof AstMethod method) {
        return method(method);
      }
      if (node instanceof AstProperty property) {
        return property(property);
      }
      if (node instanceof AstEval || node instanceof AstComposite || node instanceof AstBinary
          || node instanceof AstUnary || node instanceof AstChoice || node instanceof AstNested
          || node instanceof AstParameters) {
        return children(node);
      }
      return Optional.of("unsupported construct " + node);
    }

    private Optional<String> children(Node node) {
      for (int i = 0; i < node.getCardinality(); i++) {
        Optional<String> problem = problem(node.getChild(i));
        if (problem.isPresent()) {
          return problem;
        }
      }
      return Optional.empty();
    }

    private Optional<String> method(AstMethod method) {
      if (isDateTimeChain(method)) {
        return Optional.empty();
      }
      AstProperty target = (AstProperty) method.getChild(0);
      String name = propertyName(target);
      Node base = target.getChild(0);
      if (!(base instanceof AstIdentifier bean) || !beans.isBean(bean.getName())) {
        return problem(base).or(() -> Optional.of("method call " + (name == null ? "[…]" : name) + "(…) on something other than a "
            + "published bean: expressions may call methods of GridLoop's published beans only "
            + "(see README, \"Published beans\")"));
      }
      if (name == null || !beans.methods(bean.getName()).contains(name)) {
        return Optional.of("bean '" + bean.getName() + "' publishes no method " + (name == null ? "[…]" : name)
            + " (it offers " + (beans.methods(bean.getName()).isEmpty() ? "none" : beans.methods(bean.getName())) + ")");
      }
      return children(method.getChild(1));
    }

    private Optional<String> property(AstProperty property) {
      String name = propertyName(property);
      if (name == null) {
        return Optional.of("a computed property (a[b]): write a.b or a['b']");
      }
      if (name.equals("class") || name.equals("getClass") || name.equals("declaringClass")) {
        return Optional.of("the property '" + name + "' leads out of the variables");
      }
      Node base = property.getChild(0);
      if (base instanceof AstIdentifier identifier && beans.isBean(identifier.getName())) {
        return Optional.of("bean '" + identifier.getName() + "' offers methods, not properties ('" + name + "')");
      }
      return problem(base);
    }
  }
}
