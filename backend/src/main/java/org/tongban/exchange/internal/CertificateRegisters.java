package org.tongban.exchange.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tongban.certificate.Certificates;
import org.tongban.certificate.Field;
import org.tongban.certificate.Holder;
import org.tongban.certificate.IssuedCertificate;
import org.tongban.exchange.SharedRecord;
import org.tongban.exchange.Subject;
import org.tongban.workflow.DataCatalogue;

/**
 * Every e-certificate type is a dataset: the valid certificates a person or an enterprise holds, read through the
 * certificate module. Certificates are issued by workflows, never written through the exchange.
 */
@Component
class CertificateRegisters {

    private final Certificates certificates;

    CertificateRegisters(Certificates certificates) {
        this.certificates = certificates;
    }

    Register of(DataCatalogue.Dataset dataset) {
        return new Register() {

            @Override
            public String dataset() {
                return dataset.code();
            }

            @Override
            public List<SharedRecord> about(Subject subject) {
                if (subject.id() == null || subject.kind() != dataset.about()) {
                    return List.of();
                }
                Holder holder = subject.kind() == DataCatalogue.About.ENTERPRISE
                        ? Holder.enterprise(subject.id(), null, null) : Holder.person(subject.id(), null, null);
                return certificates.heldBy(holder, dataset.code()).stream().map(this::record).toList();
            }

            @Override
            public Optional<SharedRecord> byKey(String key) {
                return certificates.byNumber(key).filter(certificate -> certificate.type().equals(dataset.code()))
                        .filter(certificate -> certificate.status() == IssuedCertificate.Status.VALID)
                        .map(this::record);
            }

            private SharedRecord record(IssuedCertificate certificate) {
                Map<String, Object> data = new LinkedHashMap<>();
                for (Field field : certificate.fields()) {
                    Object value = field.value() instanceof LocalDate date ? date.toString() : field.value();
                    if (value != null) {
                        data.put(field.code(), value);
                    }
                }
                Object label = dataset.label() == null ? null : data.get(dataset.label());
                return new SharedRecord(dataset.code(), certificate.number(),
                        label == null ? certificate.number() : label + " · " + certificate.number(), data,
                        certificate.issuerDepartment(), certificate.issuedAt());
            }
        };
    }
}
