package org.tongban.exchange.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.shared.DomainException;
import org.tongban.workflow.DataCatalogue;
import org.tongban.workflow.WorkflowDefinitions;

/** Every dataset of the catalogue with the register that holds it. */
@Component
class Registers {

    private final DataCatalogue catalogue;
    private final Map<String, Register> registers = new LinkedHashMap<>();

    Registers(WorkflowDefinitions definitions, JdbcClient jdbc, Clock clock, CertificateRegisters certificates) {
        this.catalogue = definitions.catalogue();
        for (DataCatalogue.Dataset dataset : catalogue.all()) {
            Register register = switch (dataset.code()) {
                case "household-register" -> new HouseholdRegisters.Households(jdbc, clock, dataset);
                case "household-member" -> new HouseholdRegisters.Members(jdbc, clock, dataset);
                case "business-registration" -> new TableRegister(jdbc, clock, dataset, "ex_business_registration", false);
                case "medical-insurance-enrolment" -> new TableRegister(jdbc, clock, dataset, "ex_medical_insurance", true);
                case "social-insurance-record" -> new TableRegister(jdbc, clock, dataset, "ex_social_insurance", false);
                case "vaccination-record" -> new TableRegister(jdbc, clock, dataset, "ex_vaccination", false);
                default -> dataset.kind() == DataCatalogue.Kind.CERTIFICATE ? certificates.of(dataset) : null;
            };
            if (register != null) {
                registers.put(dataset.code(), register);
            }
        }
    }

    Register of(String dataset) {
        Register register = registers.get(dataset);
        if (register == null) {
            throw new DomainException(ExchangeProblem.UNKNOWN_DATASET);
        }
        return register;
    }

    DataCatalogue.Dataset dataset(String code) {
        return catalogue.dataset(code).orElseThrow(() -> new DomainException(ExchangeProblem.UNKNOWN_DATASET));
    }

    /** The datasets the catalogue lists but no register holds (a test makes sure there are none). */
    java.util.List<String> unheld() {
        return catalogue.all().stream().map(DataCatalogue.Dataset::code).filter(code -> !registers.containsKey(code))
                .toList();
    }
}
