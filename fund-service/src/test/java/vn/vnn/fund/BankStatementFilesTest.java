package vn.vnn.fund;

import org.junit.jupiter.api.Test;
import vn.vnn.fund.banking.BankStatement;
import vn.vnn.fund.banking.Camt053;
import vn.vnn.fund.banking.Mt940;
import vn.vnn.fund.banking.StatementCsv;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bank statements read from MT940 and camt.053 files into one shape, balances checked. */
class BankStatementFilesTest {

    private static final String MT940 = """
            {1:F01VNBKVNVXAXXX0000000000}{2:O940VNBKVNVXXXXXN}{4:
            :20:STMT20261130
            :25:0011001932418
            :28C:00334/001
            :60F:C261130VND15000000,00
            :61:2612011201C500000,00NTRFNONREF//FT26335000001
            :86:VNN Q99 7K3M2P Ung ho quy
            vi nguoi ngheo
            :61:2612011201C1200000,NTRF//FT26335000002
            :86:NGUYEN VAN AN chuyen tien
            :61:2612021202D300000,00NTRFPAY-0042//FT26336000003
            :86:Chi ho tro ho ngheo xa Q99111
            :62F:C261202VND16400000,00
            -}
            """;

    @Test
    void anMt940StatementReadsWithItsLinesAndMessages() {
        BankStatement statement = Mt940.read(MT940);
        assertThat(statement.accountNumber()).isEqualTo("0011001932418");
        assertThat(statement.statementNumber()).isEqualTo("00334/001");
        assertThat(statement.openingBalanceVnd()).isEqualTo(15_000_000);
        assertThat(statement.closingBalanceVnd()).isEqualTo(16_400_000);
        assertThat(statement.openedOn()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(statement.unbalancedBy()).isZero();
        assertThat(statement.lines()).extracting(BankStatement.Line::amountVnd)
                .containsExactly(500_000L, 1_200_000L, -300_000L);
        BankStatement.Line first = statement.lines().get(0);
        assertThat(first.bookedOn()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(first.bankReference()).isEqualTo("FT26335000001");
        assertThat(first.message()).isEqualTo("VNN Q99 7K3M2P Ung ho quy vi nguoi ngheo");
        assertThat(statement.lines().get(2).message()).isEqualTo("Chi ho tro ho ngheo xa Q99111");
    }

    @Test
    void anMt940ThatDoesNotBalanceSaysByHowMuch() {
        BankStatement statement = Mt940.read(MT940.replace(":62F:C261202VND16400000,00", ":62F:C261202VND16400001,00"));
        assertThat(statement.unbalancedBy()).isEqualTo(1);
    }

    @Test
    void mt940AmountsInOtherCurrenciesOrWithFractionsAreRefused() {
        assertThatThrownBy(() -> Mt940.read(MT940.replace("C261130VND15000000,00", "C261130USD15000000,00")))
                .isInstanceOf(BankStatement.Unreadable.class).hasMessageContaining("VND");
        assertThatThrownBy(() -> Mt940.read(MT940.replace("C500000,00NTRF", "C500000,50NTRF")))
                .isInstanceOf(BankStatement.Unreadable.class).hasMessageContaining("fraction");
        assertThatThrownBy(() -> Mt940.read("hello")).isInstanceOf(BankStatement.Unreadable.class);
        assertThatThrownBy(() -> Mt940.read(MT940 + MT940)).isInstanceOf(BankStatement.Unreadable.class)
                .hasMessageContaining("one per file");
    }

    private static final String CAMT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
              <BkToCstmrStmt>
                <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-12-02T18:00:00+07:00</CreDtTm></GrpHdr>
                <Stmt>
                  <Id>STMT-2026-12-02</Id>
                  <ElctrncSeqNb>335</ElctrncSeqNb>
                  <Acct><Id><Othr><Id>0011001932418</Id></Othr></Id><Ccy>VND</Ccy></Acct>
                  <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="VND">15000000</Amt>
                    <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>
                  <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="VND">16200000</Amt>
                    <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-12-02</Dt></Dt></Bal>
                  <Ntry>
                    <Amt Ccy="VND">1500000</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                    <BookgDt><Dt>2026-12-01</Dt></BookgDt><AcctSvcrRef>FT26335000001</AcctSvcrRef>
                    <NtryDtls><TxDtls>
                      <RltdPties><Dbtr><Nm>NGUYỄN THỊ HOA</Nm></Dbtr>
                        <DbtrAcct><Id><Othr><Id>1903456789</Id></Othr></Id></DbtrAcct></RltdPties>
                      <RmtInf><Ustrd>VNN Q99 7K3M2P</Ustrd><Ustrd>ung ho</Ustrd></RmtInf>
                    </TxDtls></NtryDtls>
                  </Ntry>
                  <Ntry>
                    <Amt Ccy="VND">300000</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                    <BookgDt><DtTm>2026-12-02T09:15:00+07:00</DtTm></BookgDt><AcctSvcrRef>FT26336000003</AcctSvcrRef>
                    <NtryDtls><TxDtls><RmtInf><Ustrd>PAY-0042</Ustrd></RmtInf></TxDtls></NtryDtls>
                  </Ntry>
                  <Ntry>
                    <Amt Ccy="VND">999</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts>
                    <BookgDt><Dt>2026-12-02</Dt></BookgDt>
                  </Ntry>
                </Stmt>
              </BkToCstmrStmt>
            </Document>
            """;

    @Test
    void aCamt053StatementReadsTheSameShape() {
        BankStatement statement = Camt053.read(stream(CAMT));
        assertThat(statement.accountNumber()).isEqualTo("0011001932418");
        assertThat(statement.statementNumber()).isEqualTo("335");
        assertThat(statement.unbalancedBy()).isZero();
        assertThat(statement.lines()).hasSize(2); // the pending entry is not booked
        BankStatement.Line credit = statement.lines().get(0);
        assertThat(credit.amountVnd()).isEqualTo(1_500_000);
        assertThat(credit.message()).isEqualTo("VNN Q99 7K3M2P ung ho");
        assertThat(credit.counterpartyName()).isEqualTo("NGUYỄN THỊ HOA");
        assertThat(credit.counterpartyAccount()).isEqualTo("1903456789");
        assertThat(credit.bankReference()).isEqualTo("FT26335000001");
        BankStatement.Line debit = statement.lines().get(1);
        assertThat(debit.amountVnd()).isEqualTo(-300_000);
        assertThat(debit.bookedOn()).isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void xmlWithADtdOrExternalEntitiesIsRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE Document [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <Document><BkToCstmrStmt><Stmt><Id>&x;</Id></Stmt></BkToCstmrStmt></Document>
                """;
        assertThatThrownBy(() -> Camt053.read(stream(xxe))).isInstanceOf(BankStatement.Unreadable.class)
                .hasMessageContaining("DTD");
        assertThatThrownBy(() -> Camt053.read(stream("<Document/>"))).isInstanceOf(BankStatement.Unreadable.class);
        assertThatThrownBy(() -> Camt053.read(stream(CAMT.replace("Ccy=\"VND\">1500000", "Ccy=\"USD\">1500000"))))
                .isInstanceOf(BankStatement.Unreadable.class).hasMessageContaining("VND");
        assertThatThrownBy(() -> Camt053.read(stream("not xml"))).isInstanceOf(BankStatement.Unreadable.class);
    }

    private static final String VIETCOMBANK_CSV = """
            \uFEFFNgày giao dịch,Số tham chiếu,Số tiền ghi nợ,Số tiền ghi có,Số dư,Nội dung chi tiết
            01/12/2026,FT26335000001,,"500.000","15.500.000",VNN Q99 7K3M2P Ung ho
            01/12/2026,FT26335000002,,"1,200,000","16,700,000",NGUYEN VAN AN chuyen tien
            02/12/2026,FT26336000003,"300.000",,"16.400.000",Chi ho tro PAY-0042
            """;

    @Test
    void aCsvStatementIsCheckedRowByRowAgainstItsRunningBalance() {
        BankStatement statement = StatementCsv.read(new java.io.StringReader(VIETCOMBANK_CSV),
                StatementCsv.profile("vietcombank"), "0011001932418", "2026-12");
        assertThat(statement.openingBalanceVnd()).isEqualTo(15_000_000);
        assertThat(statement.closingBalanceVnd()).isEqualTo(16_400_000);
        assertThat(statement.unbalancedBy()).isZero();
        assertThat(statement.lines()).extracting(BankStatement.Line::amountVnd)
                .containsExactly(500_000L, 1_200_000L, -300_000L);
        assertThat(statement.lines().get(0).message()).isEqualTo("VNN Q99 7K3M2P Ung ho");
        assertThat(statement.lines().get(2).bookedOn()).isEqualTo(LocalDate.of(2026, 12, 2));

        assertThatThrownBy(() -> StatementCsv.read(new java.io.StringReader(VIETCOMBANK_CSV.replace("16,700,000",
                "16,700,001")), StatementCsv.VIETCOMBANK, "1", "1")).isInstanceOf(BankStatement.Unreadable.class)
                .hasMessageContaining("row 3");
        assertThatThrownBy(() -> StatementCsv.read(new java.io.StringReader(VIETCOMBANK_CSV),
                StatementCsv.BIDV, "1", "1")).isInstanceOf(BankStatement.Unreadable.class)
                .hasMessageContaining("Ngày hiệu lực");
        assertThatThrownBy(() -> StatementCsv.read(new java.io.StringReader(VIETCOMBANK_CSV.replace(
                ",,\"500.000\"", ",\"1\",\"500.000\"")), StatementCsv.VIETCOMBANK, "1", "1"))
                .isInstanceOf(BankStatement.Unreadable.class).hasMessageContaining("both");
        assertThatThrownBy(() -> StatementCsv.profile("nope")).isInstanceOf(BankStatement.Unreadable.class);
    }

    @Test
    void theBidvProfileReadsItsOwnColumns() {
        String csv = """
                Ngày hiệu lực,Mã giao dịch,Ghi nợ,Ghi có,Số dư,Mô tả,Tên đơn vị đối ứng
                01/12/2026 08:15:00,BIDV001,,2000000,12000000,VNN Q99 ABC123,CONG TY AN PHAT
                """;
        BankStatement statement = StatementCsv.read(new java.io.StringReader(csv), StatementCsv.BIDV, "8888", "1");
        assertThat(statement.openingBalanceVnd()).isEqualTo(10_000_000);
        assertThat(statement.lines().get(0).counterpartyName()).isEqualTo("CONG TY AN PHAT");
        assertThat(statement.lines().get(0).bookedOn()).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
