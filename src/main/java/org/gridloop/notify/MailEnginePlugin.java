package org.gridloop.notify;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * Teaches the engine to send mail: registers the {@code gridloop-mail} job handler and puts
 * {@link MailJobRetryCmd} in charge of failed mail jobs (every other job keeps the engine's own
 * retry behaviour).
 */
@Component
class MailEnginePlugin extends AbstractProcessEnginePlugin {

  private final OutboxRepository outbox;
  private final MailDelivery delivery;
  private final MailProperties properties;

  MailEnginePlugin(OutboxRepository outbox, MailDelivery delivery, MailProperties properties) {
    this.outbox = outbox;
    this.delivery = delivery;
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<JobHandler> handlers = configuration.getCustomJobHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomJobHandlers());
    handlers.add(new MailJobHandler(outbox, delivery));
    configuration.setCustomJobHandlers(handlers);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // postInit: after the starter's own plugins have set their factory in preInit, whatever it is.
    FailedJobCommandFactory others = configuration.getFailedJobCommandFactory() != null
        ? configuration.getFailedJobCommandFactory() : new DefaultFailedJobCommandFactory();
    configuration.setFailedJobCommandFactory(new MailFailedJobCommandFactory(others));
  }

  /** Mail jobs get {@link MailJobRetryCmd}; every other job what it got before. */
  class MailFailedJobCommandFactory implements FailedJobCommandFactory {

    private final FailedJobCommandFactory others;

    MailFailedJobCommandFactory(FailedJobCommandFactory others) {
      this.others = others;
    }

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
      return commandContext -> {
        JobEntity job = commandContext.getJobManager().findJobById(jobId);
        Command<Object> command = job != null && MailJobHandler.TYPE.equals(job.getJobHandlerType())
            ? new MailJobRetryCmd(jobId, exception, outbox, properties)
            : others.getCommand(jobId, exception);
        return command.execute(commandContext);
      };
    }
  }
}
