package org.gridloop.intake;

import java.util.List;
import org.gridloop.casework.CaseRecords;
import org.gridloop.intake.CaseReport.Reporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: on a first start, a few residents' reports so that Tasklist and Cockpit have
 * something to show. Reported through the same intake as every case; never twice (requestId).
 */
@Component
@ConditionalOnProperty(name = "gridloop.demo.enabled", havingValue = "true")
class DemoCases implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCases.class);

  private static final List<CaseReport> REPORTS = List.of(
      new CaseReport("street-light", "normal", "cx-hongxing-g1",
          "红星苑3栋门口路灯不亮已经一周，晚上出行不便。The street light at building 3 has been out for a week.",
          "锦江区红星路二段红星苑3栋", 30.6598, 104.0817,
          new Reporter("刘小红", "13912345678", "liu.xh@resident.example"), "web", "demo-1"),
      new CaseReport("ebike-charging-upstairs", "urgent", "sy-wangjiang-g1",
          "望江居5栋有住户把电瓶车推上楼在楼道充电，存在火灾隐患。E-bikes are charged in the stairwell of building 5.",
          "锦江区望江路望江居5栋", null, null,
          new Reporter("陈建华", "13688886666", "chen.jh@resident.example"), "app", "demo-2"),
      new CaseReport("water-outage", "urgent", "cx-hongxing-g2",
          "红星商业街整条街停水超过6小时，商户无法营业。The whole street has had no water for over 6 hours.",
          "锦江区红星商业街", null, null,
          new Reporter("王海", "028-86661234", null), "web", "demo-3"),
      new CaseReport("gas-leak", "emergency", "hh-furong-g1",
          "芙蓉里2栋一单元楼道有明显燃气味。A strong smell of gas in unit 1 of building 2.",
          "锦江区芙蓉里2栋1单元", null, null,
          new Reporter("李桂兰", "13550001111", "li.gl@resident.example"), "web", "demo-4"));

  private final CaseIntake intake;
  private final CaseRecords records;

  DemoCases(CaseIntake intake, CaseRecords records) {
    this.intake = intake;
    this.records = records;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (records.findByRequestId("web", "demo-1").isPresent()) {
      return;
    }
    REPORTS.forEach(intake::report);
    LOG.info("Demo mode: {} residents' reports added (see Tasklist and GET /api/cases/...)", REPORTS.size());
  }
}
