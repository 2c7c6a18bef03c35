package org.tongban.exchange.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.DataAccessLog;
import org.tongban.audit.DataUse;
import org.tongban.exchange.BoundRecord;
import org.tongban.exchange.DataExchange;
import org.tongban.exchange.SharedRecord;
import org.tongban.exchange.Subject;
import org.tongban.shared.DomainException;
import org.tongban.workflow.DataCatalogue;

/**
 * The exchange: finds the register of a dataset, reads and writes through it, binds what an application read or wrote
 * to the application and records every read made for a department in the person's data-use record, in the
 * caller's transaction.
 */
@Service
class ExchangeService implements DataExchange {

    private final Registers registers;
    private final Bindings bindings;
    private final DataAccessLog accessLog;
    private final Clock clock;

    ExchangeService(Registers registers, Bindings bindings, DataAccessLog accessLog, Clock clock) {
        this.registers = registers;
        this.bindings = bindings;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Override
    public List<SharedRecord> recordsAbout(String dataset, Subject subject) {
        return registers.of(dataset).about(subject);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public BoundRecord bind(Use use, String dataset, Subject subject, String key) {
        List<SharedRecord> records = registers.of(dataset).about(subject);
        Optional<SharedRecord> chosen = key == null
                ? (records.size() == 1 ? Optional.of(records.get(0)) : Optional.empty())
                : records.stream().filter(record -> record.key().equals(key)).findFirst();
        SharedRecord record = chosen.orElseThrow(() -> new DomainException(ExchangeProblem.NO_SUCH_RECORD,
                key == null ? dataset : key));
        BoundRecord bound = new BoundRecord(record, BoundRecord.SHARED, use.department(), use.purpose(), clock.instant());
        bindings.insert(use.applicationId(), bound);
        accessLog.record(dataUse(use, DataUse.Kind.EXCHANGE_READ, dataset, record.data().keySet()));
        return bound;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public BoundRecord write(Use use, String dataset, Map<String, Object> values) {
        Register register = registers.of(dataset);
        SharedRecord record;
        try {
            record = register.put(values, use.applicationNumber());
        } catch (UnsupportedOperationException e) {
            throw new DomainException(ExchangeProblem.NOT_WRITABLE);
        }
        BoundRecord bound = new BoundRecord(record, BoundRecord.WRITTEN, record.department(), use.purpose(),
                clock.instant());
        bindings.insert(use.applicationId(), bound);
        accessLog.record(dataUse(use, DataUse.Kind.RECORD_WRITTEN, dataset, values.keySet()));
        return bound;
    }

    @Override
    public List<BoundRecord> boundTo(String applicationId) {
        return bindings.of(applicationId);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<BoundRecord> open(Use use, Set<String> datasets) {
        List<BoundRecord> shown = bindings.of(use.applicationId()).stream()
                .filter(bound -> datasets.contains(bound.record().dataset())).toList();
        for (BoundRecord bound : shown) {
            accessLog.record(dataUse(use, DataUse.Kind.EXCHANGE_READ, bound.record().dataset(),
                    bound.record().data().keySet()));
        }
        return shown;
    }

    /** The catalogue's dataset, for the API. */
    DataCatalogue.Dataset dataset(String code) {
        return registers.dataset(code);
    }

    private static DataUse dataUse(Use use, DataUse.Kind kind, String dataset, Set<String> fields) {
        return new DataUse(use.owner(), use.applicationId(), use.applicationNumber(), use.actor(), use.actorName(),
                use.department(), kind, use.purpose(), dataset, List.copyOf(fields), use.step());
    }
}
