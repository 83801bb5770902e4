package org.gridloop.deliberation;

import java.math.BigDecimal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: on a first start, two residents' proposals, so that the council secretaries
 * (luoyan for 红星苑, zhengyu for 望江居) have a topic to review in Tasklist.
 */
@Component
@ConditionalOnProperty(name = "gridloop.demo.enabled", havingValue = "true")
class DemoTopics implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoTopics.class);

  private static final List<TopicProposal> PROPOSALS = List.of(
      new TopicProposal("红星苑加装电梯 Elevator retrofit for Hongxing Court",
          "红星苑1栋为7层老旧住宅，老年住户上下楼困难，提议加装电梯，费用按楼层分摊。"
              + " Building 1 is a 7-storey walk-up; elderly owners propose an elevator, costs shared by floor.",
          "compound", "cx-hongxing-yuan", "elevator-retrofit", new BigDecimal("680000.00"),
          new TopicProposal.Proposer("赵文斌", "zhao.wb@resident.example")),
      new TopicProposal("望江居规范电瓶车充电 Safe e-bike charging at Wangjiang Residence",
          "在小区东门空地建设集中充电棚，禁止电瓶车上楼充电。"
              + " Build a charging shelter by the east gate and stop e-bikes being charged upstairs.",
          "compound", "sy-wangjiang-ju", "use-maintenance-fund", new BigDecimal("45000.00"),
          new TopicProposal.Proposer("周丽", "zhou.li@resident.example")));

  private final TopicIntake intake;
  private final JdbcTemplate jdbc;

  DemoTopics(TopicIntake intake, JdbcTemplate jdbc) {
    this.intake = intake;
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    Integer topics = jdbc.queryForObject("SELECT COUNT(*) FROM gl_topic", Integer.class);
    if (topics != null && topics > 0) {
      return;
    }
    PROPOSALS.forEach(proposal -> intake.propose(proposal, null));
    LOG.info("Demo mode: {} residents' proposals added (see Tasklist as luoyan or zhengyu)", PROPOSALS.size());
  }
}
