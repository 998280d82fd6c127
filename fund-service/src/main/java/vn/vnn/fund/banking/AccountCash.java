package vn.vnn.fund.banking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.vnn.fund.donations.Donation;
import vn.vnn.fund.donations.PaymentChannel;
import vn.vnn.fund.funds.CashHolding;
import vn.vnn.fund.funds.Ledger;
import vn.vnn.fund.funds.LedgerEntry;

import java.util.List;

/**
 * Puts a donation's cash where the bank statement shows it: a transfer recorded without its account (or as another
 * holding) is moved into the account of the line that matched it, on the day it was received, so that the account's
 * ledger balance can be set against the bank's.
 */
@ApplicationScoped
public class AccountCash {

    private final Ledger ledger;

    AccountCash(Ledger ledger) {
        this.ledger = ledger;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void place(Donation donation, StatementLine line, String actor) {
        CashHolding here = CashHolding.bank(line.bankAccountId);
        CashHolding held = donation.cashHolding();
        if (!here.equals(held)) {
            ledger.post(donation.fundId, Ledger.Kind.CASH_MOVED, line.id, donation.receivedOn,
                    "Biên lai " + donation.receiptNo + " vào tài khoản theo sao kê", actor,
                    List.of(LedgerEntry.debit(here, donation.amountVnd), LedgerEntry.credit(held, donation.amountVnd)));
            donation.bankAccountId = line.bankAccountId;
            donation.channel = PaymentChannel.BANK_TRANSFER;
        }
        if (donation.bankReference == null) {
            donation.bankReference = line.bankReference;
        }
    }
}
