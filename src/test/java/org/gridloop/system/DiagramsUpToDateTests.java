package org.gridloop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's process pictures ({@code src/docs/diagrams/<name>.png}) show the current models in
 * {@code bpmn/}: the same rule as {@code .ci/check-diagrams}, so that {@code ./mvnw verify} fails on a
 * stale picture too, on any machine (no bash needed for the main check). For every
 * {@code bpmn/<name>.bpmn} and {@code bpmn/<name>.dmn}, {@code <name>.png} and {@code <name>.png.source}
 * must exist and the first word of the .source file must be the model's hash: the SHA-256 (hex) of the
 * model file with its CR bytes removed. {@code .ci/render-diagrams} writes both.
 *
 * <p>The rule is written twice (here and in the script) because each side must run where the other
 * cannot: the script without a JVM or a build, this test without bash. The agreement tests below run
 * the script and this class on the same small projects and require the same verdict.
 */
class DiagramsUpToDateTests {

  static final String DIAGRAMS = "src/docs/diagrams";
  static final String REGENERATE = "regenerate with .ci/render-diagrams and commit " + DIAGRAMS + "/";

  @Test
  void everyModelHasAnUpToDatePicture() throws IOException {
    List<String> problems = problems(Path.of(""));
    assertThat(problems)
        .withFailMessage(() -> String.join("\n", problems) + "\n" + REGENERATE)
        .isEmpty();
  }

  // --- the rule -------------------------------------------------------------------------------

  /** One message per model without an up-to-date picture, naming the picture and the model. */
  static List<String> problems(Path project) throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path model : models(project)) {
      String file = model.getFileName().toString();
      String name = file.substring(0, file.lastIndexOf('.'));
      String modelPath = "bpmn/" + file;
      String png = DIAGRAMS + "/" + name + ".png";
      Path picture = project.resolve(png);
      Path source = project.resolve(png + ".source");
      if (!Files.isRegularFile(picture)) {
        problems.add(png + " is missing: no picture of " + modelPath);
      } else if (!Files.isRegularFile(source)) {
        problems.add(png + ".source is missing: cannot tell which version of " + modelPath + " " + png + " shows");
      } else {
        String recorded = recordedHash(source);
        String current = modelHash(model);
        if (!recorded.equals(current)) {
          problems.add(png + " is older than " + modelPath + " (rendered from sha256 " + abbreviate(recorded)
              + ", the model is now " + abbreviate(current) + ")");
        }
      }
    }
    return problems;
  }

  /** bpmn/*.bpmn and bpmn/*.dmn, as the scripts' globs see them (regular files, no dot files). */
  static List<Path> models(Path project) throws IOException {
    Path folder = project.resolve("bpmn");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(path -> {
            String file = path.getFileName().toString();
            return !file.startsWith(".") && (file.endsWith(".bpmn") || file.endsWith(".dmn"));
          })
          .sorted()
          .toList();
    }
  }

  /** SHA-256 (hex) of the file's bytes without CR (13), as {@code tr -d '\r' < model | sha256sum}. */
  static String modelHash(Path model) throws IOException {
    byte[] bytes = Files.readAllBytes(model);
    ByteArrayOutputStream withoutCr = new ByteArrayOutputStream(bytes.length);
    for (byte b : bytes) {
      if (b != '\r') {
        withoutCr.write(b);
      }
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(withoutCr.toByteArray()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first word (up to the first space) of the first line, as {@code head -n 1 | cut -d' ' -f1}. */
  static String recordedHash(Path source) throws IOException {
    String firstLine = Files.readString(source, StandardCharsets.UTF_8).lines().findFirst().orElse("");
    int space = firstLine.indexOf(' ');
    return space < 0 ? firstLine : firstLine.substring(0, space);
  }

  static String abbreviate(String hash) {
    return hash.substring(0, Math.min(12, hash.length())) + "…";
  }

  // --- .ci/check-diagrams and this class agree ------------------------------------------------

  static final String MODEL = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<definitions id=\"d\">\n</definitions>\n";

  @Test
  void scriptAndTestAgreeOnUpToDatePictures(@TempDir Path project) throws Exception {
    model(project, "a.bpmn", MODEL);
    model(project, "b.dmn", MODEL.replace("\n", "\r\n")); // a CRLF checkout hashes like the LF file
    picture(project, "a", hashOf(MODEL), "bpmn/a.bpmn");
    picture(project, "b", hashOf(MODEL), "bpmn/b.dmn");
    assertAgree(project, List.of());
  }

  @Test
  void scriptAndTestAgreeOnStaleMissingAndUnrecordedPictures(@TempDir Path project) throws Exception {
    model(project, "edited.bpmn", MODEL.replace("id=\"d\"", "id=\"e\""));
    picture(project, "edited", hashOf(MODEL), "bpmn/edited.bpmn");
    model(project, "new.bpmn", MODEL);
    model(project, "unrecorded.dmn", MODEL);
    Files.write(project.resolve(DIAGRAMS + "/unrecorded.png"), new byte[] { (byte) 0x89, 'P', 'N', 'G' });
    model(project, "empty-source.bpmn", MODEL);
    picture(project, "empty-source", "", "");
    model(project, "fresh.bpmn", MODEL);
    picture(project, "fresh", hashOf(MODEL), "bpmn/fresh.bpmn");
    Files.writeString(project.resolve("bpmn/notes.txt"), "not a model");

    assertAgree(project, List.of("edited.bpmn", "empty-source.bpmn", "new.bpmn", "unrecorded.dmn"));
  }

  @Test
  void scriptAndTestAgreeWithoutModels(@TempDir Path project) throws Exception {
    Files.createDirectories(project.resolve("bpmn"));
    assertAgree(project, List.of());
  }

  /** Both sides fail exactly for {@code staleModels} (file names in bpmn/), with the same messages. */
  static void assertAgree(Path project, List<String> staleModels) throws Exception {
    List<String> javaProblems = problems(project);
    assertThat(javaProblems).hasSize(staleModels.size());
    for (int i = 0; i < staleModels.size(); i++) {
      assertThat(javaProblems.get(i)).contains("bpmn/" + staleModels.get(i));
    }

    Path script = Path.of(".ci/check-diagrams").toAbsolutePath();
    assumeTrue(Files.isRegularFile(script) && bashRuns(), "bash is needed to run .ci/check-diagrams");
    Process process = new ProcessBuilder("bash", script.toString(), project.toAbsolutePath().toString())
        .redirectErrorStream(true)
        .start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isEqualTo(staleModels.isEmpty() ? 0 : 1);
    List<String> scriptProblems = output.lines()
        .filter(line -> line.startsWith("check-diagrams: ") && !line.contains("up to date")
            && !line.contains(REGENERATE))
        .map(line -> line.substring("check-diagrams: ".length()))
        .sorted()
        .toList();
    assertThat(scriptProblems).as(output).isEqualTo(javaProblems.stream().sorted().toList());
    if (!staleModels.isEmpty()) {
      assertThat(output).contains(REGENERATE);
    }
  }

  static boolean bashRuns() {
    try {
      return new ProcessBuilder("bash", "-c", "true").start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  static void model(Path project, String file, String content) throws IOException {
    Files.createDirectories(project.resolve("bpmn"));
    Files.writeString(project.resolve("bpmn/" + file), content, StandardCharsets.UTF_8);
  }

  static void picture(Path project, String name, String hash, String modelPath) throws IOException {
    Path diagrams = Files.createDirectories(project.resolve(DIAGRAMS));
    Files.write(diagrams.resolve(name + ".png"), new byte[] { (byte) 0x89, 'P', 'N', 'G' });
    Files.writeString(diagrams.resolve(name + ".png.source"),
        hash.isEmpty() ? "" : hash + "  " + modelPath + "\n", StandardCharsets.UTF_8);
  }

  /** The hash of an LF-only text, computed without {@link #modelHash}. */
  static String hashOf(String content) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
  }
}
