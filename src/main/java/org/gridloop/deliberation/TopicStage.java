package org.gridloop.deliberation;

import java.util.Map;

/** The public stage of a topic (gl_topic.stage), with its name for people, Chinese then English. */
public final class TopicStage {

  public static final String REVIEW = "review";
  public static final String REJECTED = "rejected";
  public static final String MERGED = "merged";
  public static final String ACCEPTED = "accepted";
  public static final String PUBLIC_NOTICE = "publicNotice";
  public static final String CONSULTATION = "consultation";
  public static final String VOTE = "vote";
  public static final String TALLYING = "tallying";
  public static final String RERUN_DECISION = "rerunDecision";
  public static final String NOT_PASSED = "notPassed";
  public static final String PLANNING = "planning";
  public static final String IMPLEMENTATION = "implementation";
  public static final String EVALUATION = "evaluation";
  public static final String DISCLOSURE = "disclosure";
  public static final String ARCHIVED = "archived";

  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry(REVIEW, "议事会审查中 Under council review"),
      Map.entry(REJECTED, "已驳回 Rejected"),
      Map.entry(MERGED, "已合并 Merged into another topic"),
      Map.entry(ACCEPTED, "已受理 Accepted"),
      Map.entry(PUBLIC_NOTICE, "公示征求意见 Public notice, opinions open"),
      Map.entry(CONSULTATION, "协商会议 Consultation meeting"),
      Map.entry(VOTE, "表决中 Vote open"),
      Map.entry(TALLYING, "计票 Tallying"),
      Map.entry(RERUN_DECISION, "未达参与比例，待定是否重新表决 Quorum missed, re-run to be decided"),
      Map.entry(NOT_PASSED, "未通过 Not passed"),
      Map.entry(PLANNING, "制定实施方案 Planning the implementation"),
      Map.entry(IMPLEMENTATION, "实施中 Being implemented"),
      Map.entry(EVALUATION, "居民评议 Residents' evaluation"),
      Map.entry(DISCLOSURE, "结果公开 Results disclosed"),
      Map.entry(ARCHIVED, "已归档 Archived"));

  private TopicStage() {
  }

  public static String name(String stage) {
    return NAMES.getOrDefault(stage, stage);
  }
}
