package org.tongban.exchange.internal;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.audit.DataAccessLog;
import org.tongban.audit.DataUse;
import org.tongban.exchange.SharedRecord;
import org.tongban.exchange.Subject;
import org.tongban.identity.CurrentPerson;
import org.tongban.identity.Person;
import org.tongban.shared.DomainException;
import org.tongban.workflow.DataCatalogue;
import org.tongban.workflow.LocalizedText;
import org.tongban.workflow.WorkflowDefinitions;

/**
 * The data catalogue for everyone, and the registers for the systems of the departments that hold them: a department
 * reads and keeps its own registers (every read of a person's record recorded), never another department's.
 */
@RestController
@Tag(name = "Data exchange")
class ExchangeController {

    private final WorkflowDefinitions definitions;
    private final Registers registers;
    private final DataAccessLog accessLog;
    private final CurrentPerson currentPerson;

    ExchangeController(WorkflowDefinitions definitions, Registers registers, DataAccessLog accessLog,
            CurrentPerson currentPerson) {
        this.definitions = definitions;
        this.registers = registers;
        this.accessLog = accessLog;
        this.currentPerson = currentPerson;
    }

    record FieldView(String code, String type, LocalizedText title, boolean required) {
    }

    record DatasetView(String code, String kind, String department, LocalizedText name, LocalizedText description,
            String about, boolean many, List<String> readers, boolean writable, List<FieldView> fields) {
    }

    /** {@code values}: field → value as the catalogue names the fields. */
    record RecordInput(@NotNull @Size(max = 50) Map<String, Object> values) {
    }

    @GetMapping("/api/v1/exchange/catalogue")
    @Operation(summary = "The data catalogue (数据目录): what each department holds that services may reuse with consent")
    List<DatasetView> catalogue() {
        return definitions.catalogue().all().stream().map(dataset -> new DatasetView(dataset.code(),
                dataset.kind().name().toLowerCase(java.util.Locale.ROOT), dataset.department(), dataset.name(),
                dataset.description(), dataset.about().name().toLowerCase(java.util.Locale.ROOT), dataset.many(),
                dataset.readers(), dataset.writable(), dataset.fields().values().stream()
                        .map(field -> new FieldView(field.code(), field.type(), field.title(), field.required())).toList()))
                .toList();
    }

    @GetMapping("/api/v1/exchange/datasets/{dataset}/records")
    @PreAuthorize("hasAnyRole('clerk', 'dept-admin')")
    @Transactional
    @Operation(summary = "A person's (or an enterprise's) records in a register, for the department that holds it (recorded)")
    List<SharedRecord> records(@PathVariable String dataset, @RequestParam @Size(max = 30) String subject) {
        Person person = currentPerson.require();
        DataCatalogue.Dataset declared = ownDataset(person, dataset);
        Subject who = declared.about() == DataCatalogue.About.ENTERPRISE ? Subject.enterprise(subject)
                : Subject.person(subject);
        List<SharedRecord> found = registers.of(dataset).about(who);
        for (SharedRecord record : found) {
            accessLog.record(new DataUse(declared.about() == DataCatalogue.About.ENTERPRISE
                    ? DataUse.Owner.enterprise(subject) : new DataUse.Owner(subject, null), null, null,
                    person.subject(), person.displayName(), declared.department(), DataUse.Kind.EXCHANGE_READ,
                    "department-register", dataset, List.copyOf(record.data().keySet()), null));
        }
        return found;
    }

    @PostMapping("/api/v1/exchange/datasets/{dataset}/records")
    @PreAuthorize("hasAnyRole('clerk', 'dept-admin')")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "Add or replace a record in a register, by the department that holds it")
    SharedRecord put(@PathVariable String dataset, @Valid @RequestBody RecordInput input) {
        Person person = currentPerson.require();
        DataCatalogue.Dataset declared = ownDataset(person, dataset);
        if (declared.kind() != DataCatalogue.Kind.REGISTER) {
            throw new DomainException(ExchangeProblem.NOT_WRITABLE);
        }
        try {
            return registers.of(dataset).put(input.values(), "system:" + person.subject());
        } catch (UnsupportedOperationException e) {
            throw new DomainException(ExchangeProblem.NOT_WRITABLE);
        }
    }

    private DataCatalogue.Dataset ownDataset(Person person, String dataset) {
        DataCatalogue.Dataset declared = registers.dataset(dataset);
        if (!person.belongsTo(declared.department())) {
            throw new DomainException(ExchangeProblem.NOT_YOUR_DATASET);
        }
        return declared;
    }
}
