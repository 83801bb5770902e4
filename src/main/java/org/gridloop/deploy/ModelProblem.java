package org.gridloop.deploy;

/** One reason a deployed file is refused: the element it concerns (its id, or its tag) and why. */
public record ModelProblem(String resource, String element, String reason) {

  @Override
  public String toString() {
    return resource + ": " + element + ": " + reason;
  }
}
