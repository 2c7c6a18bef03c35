package org.tongban.workflow;

import java.util.List;

/**
 * A document the applicant attaches (申请材料).
 *
 * @param source a dataset of the data catalogue whose record stands in for the document when the applicant
 *               agrees to share it (免提交), or null
 */
public record Material(String code, LocalizedText name, boolean required, List<String> formats, int maxSizeMb,
        String source) {
}
