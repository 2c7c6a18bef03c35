package org.tongban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.tongban.workflow.ImportWorkflowCommand;
import org.tongban.workflow.ValidateWorkflowsCommand;

/**
 * Tongban (通办), the one-stop government services portal. Each top-level package below this one
 * is a Spring Modulith application module; {@code ModularityTests} verifies their boundaries.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Tongban")
public class TongbanApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && ValidateWorkflowsCommand.NAME.equals(args[0])) {
            // a command for department admins: no server, no database
            System.exit(ValidateWorkflowsCommand.run(java.util.List.of(args).subList(1, args.length), System.out));
        }
        if (args.length > 0 && ImportWorkflowCommand.NAME.equals(args[0])) {
            // converts a DIGIT or BPMN workflow into a definition file: no server, no database either
            System.exit(ImportWorkflowCommand.run(java.util.List.of(args).subList(1, args.length), System.out));
        }
        SpringApplication.run(TongbanApplication.class, args);
    }
}
