package org.gridloop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * GridLoop: the grid-call and four-affairs loops of grassroots governance on an
 * embedded Camunda 7 engine, with its REST API, Tasklist, Cockpit and Admin.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GridLoopApplication {

  public static void main(String[] args) {
    SpringApplication.run(GridLoopApplication.class, args);
  }
}
