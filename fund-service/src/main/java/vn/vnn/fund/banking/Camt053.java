package vn.vnn.fund.banking;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * ISO 20022 camt.053 bank-to-customer statements (any version: elements are found by local name): the statement's
 * account ({@code Acct/Id}), number ({@code ElctrncSeqNb}, else {@code Id}), the opening ({@code OPBD}) and closing
 * ({@code CLBD}) booked balances, and each entry ({@code Ntry}): amount and {@code CdtDbtInd}, booking date, the
 * bank's reference ({@code AcctSvcrRef}), the unstructured remittance information (the transfer message) and the
 * other party. Read without external entities or DTDs. One statement per file.
 */
public final class Camt053 {

    private Camt053() {
    }

    public static BankStatement read(InputStream xml) {
        Document document = parse(xml);
        List<Element> statements = all(document.getDocumentElement(), "Stmt");
        if (statements.isEmpty()) {
            throw new BankStatement.Unreadable("not a camt.053 statement: no Stmt element");
        }
        if (statements.size() > 1) {
            throw new BankStatement.Unreadable("more than one statement in the file; send one per file");
        }
        Element statement = statements.get(0);
        Element account = first(statement, "Acct");
        String accountNumber = account == null ? null : text(first(account, "Id"));
        if (accountNumber == null || accountNumber.isBlank()) {
            throw new BankStatement.Unreadable("the statement names no account (Acct/Id)");
        }
        String number = text(child(statement, "ElctrncSeqNb"));
        if (number == null) {
            number = text(child(statement, "Id"));
        }
        Long opening = null;
        LocalDate openedOn = null;
        Long closing = null;
        LocalDate closedOn = null;
        for (Element balance : children(statement, "Bal")) {
            String code = text(first(first(balance, "Tp"), "Cd"));
            long amount = signed(balance, "balance " + code);
            LocalDate on = date(text(first(first(balance, "Dt"), "Dt")), "balance " + code);
            if ("OPBD".equals(code) || "PRCD".equals(code) && opening == null) {
                opening = amount;
                openedOn = on;
            } else if ("CLBD".equals(code)) {
                closing = amount;
                closedOn = on;
            }
        }
        if (opening == null || closing == null) {
            throw new BankStatement.Unreadable("the statement needs an opening (OPBD) and a closing (CLBD) balance");
        }
        List<BankStatement.Line> lines = new ArrayList<>();
        for (Element entry : children(statement, "Ntry")) {
            int n = lines.size() + 1;
            String status = text(first(first(entry, "Sts"), "Cd"));
            if (status == null) {
                status = text(child(entry, "Sts"));
            }
            if (status != null && !status.equals("BOOK")) {
                continue; // pending or information only: not in the balances
            }
            Element details = first(entry, "TxDtls");
            StringBuilder message = new StringBuilder();
            for (Element unstructured : all(entry, "Ustrd")) {
                if (!message.isEmpty()) {
                    message.append(' ');
                }
                message.append(text(unstructured));
            }
            boolean credit = "CRDT".equals(text(child(entry, "CdtDbtInd")));
            Element party = details == null ? null : first(first(details, "RltdPties"), credit ? "Dbtr" : "Cdtr");
            Element partyAccount = details == null ? null
                    : first(first(details, "RltdPties"), credit ? "DbtrAcct" : "CdtrAcct");
            String reference = text(child(entry, "AcctSvcrRef"));
            if (reference == null && details != null) {
                reference = text(first(first(details, "Refs"), "AcctSvcrRef"));
            }
            Element booked = first(entry, "BookgDt");
            String bookedOn = text(first(booked, "Dt"));
            lines.add(new BankStatement.Line(n, date(bookedOn != null ? bookedOn : text(first(booked, "DtTm")),
                    "entry " + n),
                    signed(entry, "entry " + n), reference, message.isEmpty() ? null
                    : message.toString().replaceAll("\\s+", " ").strip(),
                    party == null ? null : text(first(party, "Nm")),
                    partyAccount == null ? null : text(first(first(partyAccount, "Id"), "Id"))));
        }
        return new BankStatement(accountNumber.strip(), number == null ? "" : number.strip(), openedOn, opening,
                closedOn, closing, lines);
    }

    private static Document parse(InputStream xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(xml);
        } catch (SAXException e) {
            throw new BankStatement.Unreadable("not well-formed XML (or it declares a DTD, which is refused)");
        } catch (ParserConfigurationException | IOException e) {
            throw new BankStatement.Unreadable("the XML could not be read");
        }
    }

    /** The amount of a balance or entry in đồng, negative for a debit. */
    private static long signed(Element element, String what) {
        Element amount = child(element, "Amt");
        if (amount == null) {
            throw new BankStatement.Unreadable(what + " has no amount");
        }
        if (!"VND".equals(amount.getAttribute("Ccy"))) {
            throw new BankStatement.Unreadable(what + " is not in VND");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.getTextContent().strip());
        } catch (NumberFormatException e) {
            throw new BankStatement.Unreadable(what + ": the amount is not a number");
        }
        if (value.stripTrailingZeros().scale() > 0 || value.signum() < 0) {
            throw new BankStatement.Unreadable(what + ": an amount in đồng is whole and not negative");
        }
        long vnd;
        try {
            vnd = value.longValueExact();
        } catch (ArithmeticException e) {
            throw new BankStatement.Unreadable(what + ": amount out of range");
        }
        return "DBIT".equals(text(child(element, "CdtDbtInd"))) ? -vnd : vnd;
    }

    private static LocalDate date(String value, String what) {
        if (value == null) {
            throw new BankStatement.Unreadable(what + " has no date");
        }
        try {
            return LocalDate.parse(value.strip().length() > 10 ? value.strip().substring(0, 10) : value.strip());
        } catch (DateTimeParseException e) {
            throw new BankStatement.Unreadable(what + ": " + value + " is no date");
        }
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent().strip();
    }

    /** The first descendant with the local name, or null. */
    private static Element first(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        NodeList found = parent.getElementsByTagNameNS("*", name);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }

    private static List<Element> all(Element parent, String name) {
        List<Element> elements = new ArrayList<>();
        NodeList found = parent.getElementsByTagNameNS("*", name);
        for (int i = 0; i < found.getLength(); i++) {
            elements.add((Element) found.item(i));
        }
        return elements;
    }

    /** The direct child with the local name, or null. */
    private static Element child(Element parent, String name) {
        for (Element e : children(parent, name)) {
            return e;
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                elements.add(e);
            }
        }
        return elements;
    }
}
