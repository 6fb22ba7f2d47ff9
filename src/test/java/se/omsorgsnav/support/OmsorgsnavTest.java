package se.omsorgsnav.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one application context every integration test shares (2 cores: start it once): the whole
 * application on a random port, MockMvc, the demo data, and a clock fixed on
 * {@link TestClock#TODAY}. H2 in memory by default; CI points it at PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestClock.class, StatementCounter.class, RecordingMailSender.class, RecordedEvents.class, TestServingUnits.class,
        FreshIdempotencyKeys.class, TestData.class})
public @interface OmsorgsnavTest {}
