package org.gridloop.deliberation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The links of a topic that mails and API answers carry, from the public base URL. */
@Component
public class TopicLinks {

    private final String base;

    public TopicLinks(@Value("${gridloop.public-url:http://localhost:8080}") String base) {
        String trimmed = base.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        this.base = trimmed;
    }

    public String topic(String topicNumber) {
        return base + "/api/topics/" + topicNumber;
    }

    public String topicPath(String topicNumber) {
        return "/api/topics/" + topicNumber;
    }

    public String tasklist() {
        return base + "/camunda/app/tasklist/";
    }
}
