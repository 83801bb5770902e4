package org.gridloop.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.Validator;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.FilterManager;
import org.gridloop.deploy.ExpressionRules;

/**
 * Stored Tasklist filters evaluate their query's expressions with the engine's rights, whoever
 * stored them. So a filter is checked when it is saved and again each time it runs, as whoever
 * saves or runs it: staff may use only the filter functions ({@code ${currentUser()}} and its kin,
 * {@link ExpressionRules#checkStaffQuery}); the administrator and GridLoop's own code the model
 * rules (published beans only, no engine objects). Ad hoc queries take no expressions at all (the
 * engine's default, kept). Installed as the engine's filter manager.
 */
final class FilterQueryGuard implements Validator<AbstractQuery<?, ?>> {

  private final ExpressionRules rules;

  FilterQueryGuard(ExpressionRules rules) {
    this.rules = rules;
  }

  /** The session factory that gives the engine {@link GuardedFilterManager}s. */
  SessionFactory sessionFactory() {
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return FilterManager.class;
      }

      @Override
      public Session openSession() {
        return new GuardedFilterManager();
      }
    };
  }

  @Override
  public void validate(AbstractQuery<?, ?> query) {
    CommandContext context = Context.getCommandContext();
    boolean staff = context != null && StaffCaller.isRestricted(context);
    List<String> refused = new ArrayList<>();
    for (AbstractQuery<?, ?> part : parts(query)) {
      for (Map.Entry<String, String> expression : part.getExpressions().entrySet()) {
        Optional<String> problem = staff ? rules.checkStaffQuery(expression.getValue())
            : rules.checkModel(expression.getValue());
        problem.ifPresent(reason -> refused.add("query field " + expression.getKey() + " " + expression.getValue() + ": " + reason));
      }
    }
    if (!refused.isEmpty()) {
      throw new BadUserRequestException("Expression refused in the filter's query: " + String.join("; ", refused));
    }
  }

  private static List<? extends AbstractQuery<?, ?>> parts(AbstractQuery<?, ?> query) {
    return query instanceof TaskQueryImpl task ? task.getQueries() : List.of(query);
  }

  /** The engine's filter manager, checking each filter's expressions on save and on every run. */
  final class GuardedFilterManager extends FilterManager {

    @Override
    public Filter insertOrUpdateFilter(Filter filter) {
      validate((AbstractQuery<?, ?>) filter.getQuery());
      return super.insertOrUpdateFilter(filter);
    }

    @Override
    public FilterEntity findFilterById(String filterId) {
      FilterEntity filter = super.findFilterById(filterId);
      if (filter != null && filter.getQuery() instanceof AbstractQuery<?, ?> query) {
        query.addValidator(FilterQueryGuard.this);
      }
      return filter;
    }
  }
}
