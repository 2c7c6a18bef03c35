package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.tongban.TongbanApplication;

/** The embedded identity provider is a development default, never a production identity provider. */
class EmbeddedProviderGuardIT {

    @Test
    void refusesToStartWithAProfileOtherThanDemo() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(TongbanApplication.class)
                .profiles("production")
                .properties("server.port=0", "tongban.data-dir=./target/it-data/guard",
                        "spring.datasource.url=jdbc:h2:mem:guard;MODE=MySQL;DATABASE_TO_LOWER=TRUE")
                .run().close())
                .rootCause().hasMessageContaining("embedded identity provider is for the demo only");
    }
}
