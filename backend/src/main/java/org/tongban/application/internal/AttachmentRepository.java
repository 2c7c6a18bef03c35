package org.tongban.application.internal;

import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongban.application.Applications.Attachment;

/** The {@code attachment} rows; the files themselves are in the attachments folder under generated names. */
@Repository
class AttachmentRepository {

    private final JdbcClient jdbc;

    AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Attachment> of(String applicationId) {
        return jdbc.sql("""
                SELECT id, material_code, file_name, media_type, size_bytes, uploaded_at FROM attachment
                WHERE application_id = ? ORDER BY uploaded_at, id""").param(applicationId)
                .query((rs, n) -> new Attachment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    Optional<Attachment> find(String applicationId, String attachmentId) {
        return of(applicationId).stream().filter(attachment -> attachment.id().equals(attachmentId)).findFirst();
    }

    /** Material codes with at least one document. */
    Set<String> attachedMaterials(String applicationId) {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT material_code FROM attachment WHERE application_id = ?")
                .param(applicationId).query(String.class).list());
    }

    long count(String applicationId, String materialCode) {
        return materialCode == null
                ? jdbc.sql("SELECT COUNT(*) FROM attachment WHERE application_id = ?").param(applicationId)
                        .query(Long.class).single()
                : jdbc.sql("SELECT COUNT(*) FROM attachment WHERE application_id = ? AND material_code = ?")
                        .params(applicationId, materialCode).query(Long.class).single();
    }

    void insert(String applicationId, Attachment attachment, String sha256, String uploadedBy) {
        jdbc.sql("""
                INSERT INTO attachment (id, application_id, material_code, file_name, media_type, size_bytes, sha256,
                    uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(attachment.id(), applicationId, attachment.materialCode(), attachment.fileName(),
                        attachment.mediaType(), attachment.sizeBytes(), sha256, uploadedBy,
                        Timestamp.from(attachment.uploadedAt()))
                .update();
    }

    boolean delete(String applicationId, String attachmentId) {
        return jdbc.sql("DELETE FROM attachment WHERE id = ? AND application_id = ?").params(attachmentId, applicationId)
                .update() == 1;
    }
}
