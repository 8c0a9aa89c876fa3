package demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The project's own Spring Boot 3 tests run beside the kit's as before. */
@SpringBootTest
class UsageApplicationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theApplicationStarts() {
        assertThat(context.getBean(UsageApplication.class)).isNotNull();
    }
}
