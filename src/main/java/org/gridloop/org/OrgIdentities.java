package org.gridloop.org;

import java.sql.Timestamp;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The users and groups the organisation file owns (table gl_org_identity): those the identity sync
 * created or took over because the file names them. The sync deletes only these when the file
 * stops naming them; whatever an administrator makes in Camunda Admin is never listed, so it stays.
 */
@Repository
public class OrgIdentities {

  /** What an entry is. */
  public enum Kind { USER, GROUP }

  private final JdbcTemplate jdbc;

  public OrgIdentities(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Set<String> all(Kind kind) {
    return new HashSet<>(jdbc.queryForList("select identity_id from gl_org_identity where kind = ?",
        String.class, kind.name()));
  }

  public boolean owns(Kind kind, String id) {
    return jdbc.queryForObject("select count(*) from gl_org_identity where kind = ? and identity_id = ?",
        Integer.class, kind.name(), id) > 0;
  }

  /** Records that the file owns it; no-op when already recorded. */
  public void own(Kind kind, String id) {
    if (!owns(kind, id)) {
      jdbc.update("insert into gl_org_identity (kind, identity_id, since) values (?, ?, ?)",
          kind.name(), id, new Timestamp(ClockUtil.getCurrentTime().getTime()));
    }
  }

  public void forget(Kind kind, String id) {
    jdbc.update("delete from gl_org_identity where kind = ? and identity_id = ?", kind.name(), id);
  }
}
