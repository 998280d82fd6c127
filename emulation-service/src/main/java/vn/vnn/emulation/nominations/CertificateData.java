package vn.vnn.emulation.nominations;

import java.time.LocalDate;

/** What a certificate (bằng khen, giấy khen) prints. */
public record CertificateData(String authority, String formName, String participantName, String achievement,
                              String decisionNo, LocalDate decidedOn, String movementName) {
}
