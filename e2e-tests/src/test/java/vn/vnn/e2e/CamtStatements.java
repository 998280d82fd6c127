package vn.vnn.e2e;

import java.time.LocalDate;

/** A bank's camt.053 statement of one account with a single credit, as the e2e tests upload it. */
final class CamtStatements {

    private CamtStatements() {
    }

    /** Opening at zero on {@code from}, one credit booked on {@code on}, closing with it on {@code to}. */
    static String oneCredit(String account, String number, LocalDate from, LocalDate to, LocalDate on,
                            long amountVnd, String bankReference, String payer, String message) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
                <GrpHdr><MsgId>%2$s</MsgId><CreDtTm>%4$sT18:00:00+07:00</CreDtTm></GrpHdr>
                <Stmt><Id>%2$s</Id><Acct><Id><Othr><Id>%1$s</Id></Othr></Id><Ccy>VND</Ccy></Acct>
                <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="VND">0</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                  <Dt><Dt>%3$s</Dt></Dt></Bal>
                <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="VND">%6$d</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                  <Dt><Dt>%4$s</Dt></Dt></Bal>
                <Ntry><Amt Ccy="VND">%6$d</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                  <BookgDt><Dt>%5$s</Dt></BookgDt><AcctSvcrRef>%7$s</AcctSvcrRef>
                  <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>%8$s</Nm></Dbtr></RltdPties>
                  <RmtInf><Ustrd>%9$s</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
                </Stmt></BkToCstmrStmt></Document>
                """.formatted(account, number, from, to, on, amountVnd, bankReference, payer, message);
    }
}
