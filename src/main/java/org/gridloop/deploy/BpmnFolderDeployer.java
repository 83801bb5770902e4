package org.gridloop.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the process owners' folder {@code bpmn/} (models, decisions, forms), which Maven copies
 * into the classpath, as one deployment named "gridloop" with stable relative resource names
 * ({@code bpmn/grid-call.bpmn}). All files go in one deployment so that forms bound with
 * {@code formRefBinding="deployment"} resolve; duplicate filtering makes a restart without a change
 * deploy nothing.
 */
@Component
public class BpmnFolderDeployer {

  public static final String DEPLOYMENT_NAME = "gridloop";
  static final String FOLDER = "bpmn/";
  private static final String[] PATTERNS = {"**/*.bpmn", "**/*.dmn", "**/*.form"};
  private static final Logger LOG = LoggerFactory.getLogger(BpmnFolderDeployer.class);

  private final ResourcePatternResolver resolver;

  public BpmnFolderDeployer() {
    this.resolver = new PathMatchingResourcePatternResolver(BpmnFolderDeployer.class.getClassLoader());
  }

  /** The folder's files by their relative name, read from every classpath root holding bpmn/. */
  public Map<String, byte[]> resources() {
    Map<String, byte[]> files = new TreeMap<>();
    try {
      for (Resource root : resolver.getResources("classpath*:" + FOLDER)) {
        String rootUrl = root.getURL().toString();
        for (String pattern : PATTERNS) {
          for (Resource file : resolver.getResources(rootUrl + pattern)) {
            String relative = file.getURL().toString().substring(rootUrl.length());
            try (InputStream in = file.getInputStream()) {
              files.put(FOLDER + relative, in.readAllBytes());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the bpmn/ folder from the classpath", e);
    }
    return files;
  }

  /** Deploys the folder if anything in it changed; returns whether a new deployment was made. */
  public boolean deploy(RepositoryService repository) {
    Map<String, byte[]> files = resources();
    if (files.isEmpty()) {
      LOG.warn("bpmn/ is empty: nothing to deploy");
      return false;
    }
    long before = repository.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count();
    DeploymentBuilder builder = repository.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_NAME)
        .enableDuplicateFiltering(false);
    files.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
    builder.deploy();
    boolean deployed = repository.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count() > before;
    LOG.info(deployed ? "Deployed bpmn/ ({} files)" : "bpmn/ unchanged ({} files): nothing new deployed", files.size());
    return deployed;
  }
}
