package org.tongban.workflow;

import java.util.List;

/** A document the applicant attaches (申请材料). */
public record Material(String code, LocalizedText name, boolean required, List<String> formats, int maxSizeMb) {
}
