package org.tongban.application;

import java.nio.file.Path;

/**
 * The hook for a virus scanner: every upload passes through the scanner bean before it is accepted.
 * The portal ships {@code internal.NoVirusScanner}, which accepts everything and says so in the log
 * once; a deployment provides its own bean (for example calling ClamAV's clamd over its socket) and
 * answers {@link Verdict#INFECTED} to refuse a file.
 */
public interface AttachmentScanner {

    enum Verdict { CLEAN, INFECTED }

    Verdict scan(Path file, String mediaType);
}
