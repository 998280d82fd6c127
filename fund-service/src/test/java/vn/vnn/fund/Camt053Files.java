package vn.vnn.fund;

import java.time.LocalDate;
import java.util.List;

/** camt.053 statements written for tests, with their closing balance worked out. */
final class Camt053Files {

    /** A booked entry: positive for money in. */
    record Entry(long amountVnd, LocalDate bookedOn, String reference, String name, String message) {
    }

    private Camt053Files() {
    }

    static String statement(String account, String number, long opening, LocalDate from, LocalDate to,
                            List<Entry> entries) {
        long closing = opening + entries.stream().mapToLong(Entry::amountVnd).sum();
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
                <GrpHdr><MsgId>%s</MsgId><CreDtTm>%sT18:00:00+07:00</CreDtTm></GrpHdr>
                <Stmt><Id>%s</Id><ElctrncSeqNb>%s</ElctrncSeqNb>
                <Acct><Id><Othr><Id>%s</Id></Othr></Id><Ccy>VND</Ccy></Acct>
                """.formatted(number, to, number, number, account));
        xml.append(balance("OPBD", opening, from)).append(balance("CLBD", closing, to));
        for (Entry e : entries) {
            xml.append("<Ntry><Amt Ccy=\"VND\">").append(Math.abs(e.amountVnd())).append("</Amt><CdtDbtInd>")
                    .append(e.amountVnd() > 0 ? "CRDT" : "DBIT").append("</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>")
                    .append("<BookgDt><Dt>").append(e.bookedOn()).append("</Dt></BookgDt>")
                    .append("<AcctSvcrRef>").append(e.reference()).append("</AcctSvcrRef><NtryDtls><TxDtls>");
            if (e.name() != null) {
                xml.append("<RltdPties><").append(e.amountVnd() > 0 ? "Dbtr" : "Cdtr").append("><Nm>")
                        .append(e.name()).append("</Nm></").append(e.amountVnd() > 0 ? "Dbtr" : "Cdtr")
                        .append("><DbtrAcct><Id><Othr><Id>1903456789</Id></Othr></Id></DbtrAcct></RltdPties>");
            }
            xml.append("<RmtInf><Ustrd>").append(e.message()).append("</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n");
        }
        return xml.append("</Stmt></BkToCstmrStmt></Document>\n").toString();
    }

    private static String balance(String type, long amount, LocalDate on) {
        return "<Bal><Tp><CdOrPrtry><Cd>" + type + "</Cd></CdOrPrtry></Tp><Amt Ccy=\"VND\">" + Math.abs(amount)
                + "</Amt><CdtDbtInd>" + (amount >= 0 ? "CRDT" : "DBIT") + "</CdtDbtInd><Dt><Dt>" + on
                + "</Dt></Dt></Bal>\n";
    }
}
