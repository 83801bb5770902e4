package org.gridloop.deliberation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an {@link OwnersRegister} from YAML:
 *
 * <pre>
 * compounds:
 *   - id: cx-hongxing-yuan
 *     name: 红星苑
 *     units:
 *       - { unitId: HXY-1-101, ownerId: hxy-o01, ownerName: 张建国, email: zhang.jianguo@gridloop.example, area: 78.60 }
 * </pre>
 *
 * Areas are read as exact decimals (never through {@code double}); more than two decimals,
 * a missing field, an unknown field or a duplicate id is an error naming the entry.
 */
public final class OwnersRegisterReader {

  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private OwnersRegisterReader() {
  }

  record RegisterFile(List<CompoundEntry> compounds) {
  }

  record CompoundEntry(String id, String name, List<UnitEntry> units) {
  }

  record UnitEntry(String unitId, String ownerId, String ownerName, String email, BigDecimal area) {
  }

  public static OwnersRegister read(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the owners register " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param source named in error messages, e.g. the file name
   * @throws IllegalArgumentException if the register is invalid, naming the entry
   */
  public static OwnersRegister read(InputStream in, String source) {
    RegisterFile file;
    try {
      file = YAML.readValue(in, RegisterFile.class);
    } catch (JsonMappingException e) {
      throw new IllegalArgumentException("owners register " + source + ": " + e.getOriginalMessage()
          + " at " + e.getPathReference(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("owners register " + source + ": " + e.getMessage(), e);
    }
    if (file == null || file.compounds() == null) {
      throw new IllegalArgumentException("owners register " + source + ": no 'compounds' list");
    }
    try {
      return OwnersRegister.of(file.compounds().stream().map(OwnersRegisterReader::toCompound).toList());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("owners register " + source + ": " + e.getMessage(), e);
    }
  }

  private static OwnersRegister.Compound toCompound(CompoundEntry entry) {
    List<UnitEntry> units = entry.units() == null ? List.of() : entry.units();
    return new OwnersRegister.Compound(entry.id(), entry.name(), units.stream()
        .map(unit -> {
          if (unit == null) {
            throw new IllegalArgumentException("compound " + entry.id() + ": empty unit entry");
          }
          return new OwnersRegister.Unit(unit.unitId(), unit.ownerId(), unit.ownerName(),
              unit.email(), unit.area());
        })
        .toList());
  }
}
