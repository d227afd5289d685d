package io.zsync.crmbooks.domain;

import io.zsync.sync.domain.MappedHash;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what a CRM deal change does in Books: only a deal in the won stage is invoiced, once; its contact must
 * exist and every product must name its Books item, otherwise the deal fails with the reason and nothing is
 * written. The invoice number is derived from the deal, so that an invoice created by an attempt that crashed
 * before recording it is found again instead of created twice.
 */
public final class InvoiceDecision {

    private InvoiceDecision() {
    }

    /** The first look at a deal, before its products are read. */
    public sealed interface Screen {
    }

    /** Nothing to do. {@code invoiceId}/{@code invoiceNumber} name the invoice already made, if any. */
    public record Skip(String reason, Optional<String> invoiceId, Optional<String> invoiceNumber) implements Screen {
    }

    /** The deal is invoiced already but does not hold the invoice's id and number: only write them back. */
    public record LinkOnly(String invoiceId, String invoiceNumber) implements Screen {
    }

    /** The deal is won and not invoiced: read its products and invoice it. */
    public record Proceed(String contactId, String invoiceNumber) implements Screen {
    }

    /** The deal cannot be invoiced; a retry cannot help. */
    public record Fail(String code, String message) implements Screen {
    }

    /** What the products say: the invoice lines, or why there can be none. */
    public sealed interface Lines {
    }

    public record Ready(List<InvoiceLine> lines) implements Lines {
        public Ready {
            lines = List.copyOf(lines);
        }
    }

    public record Unbillable(String code, String message) implements Lines {
    }

    public static Screen screen(DealState state, InvoiceRules rules) {
        if (state.deleted()) {
            return new Skip("deal was deleted in CRM", state.knownInvoiceId(), state.knownInvoiceNumber());
        }
        if (state.deal() == null) {
            return new Skip("deal no longer exists in CRM", state.knownInvoiceId(), state.knownInvoiceNumber());
        }
        Optional<String> stage = CrmValues.text(state.deal(), "Stage");
        if (stage.filter(rules.wonStage()::equals).isEmpty()) {
            return new Skip("deal stage is " + stage.map(s -> "'" + s + "'").orElse("not set") + ", not '"
                    + rules.wonStage() + "'", state.knownInvoiceId(), state.knownInvoiceNumber());
        }
        Optional<String> idInCrm = CrmValues.text(state.deal(), rules.invoiceIdField());
        Optional<String> numberInCrm = CrmValues.text(state.deal(), rules.invoiceNumberField());
        if (state.knownInvoiceId().isPresent()) {
            String id = state.knownInvoiceId().get();
            String number = state.knownInvoiceNumber().or(() -> numberInCrm).orElse(invoiceNumber(state.dealId(), rules));
            if (idInCrm.filter(id::equals).isPresent() && numberInCrm.filter(number::equals).isPresent()) {
                return new Skip("deal is already invoiced as " + number, Optional.of(id), Optional.of(number));
            }
            return new LinkOnly(id, number);
        }
        if (idInCrm.isPresent()) {
            if (state.mayHaveWritten()) {
                // An attempt of ours created the invoice and wrote it back, then crashed before recording either:
                // finish its work (its outcome is this one) rather than skip the deal as someone else's.
                return new LinkOnly(idInCrm.get(), numberInCrm.orElse(invoiceNumber(state.dealId(), rules)));
            }
            // Linked by an earlier run whose ledger entry is gone, or by hand: never a second invoice.
            return new Skip("deal already holds Books invoice " + idInCrm.get(), idInCrm, numberInCrm);
        }
        Optional<String> contactId = CrmValues.lookupId(state.deal(), "Contact_Name");
        if (contactId.isEmpty()) {
            return new Fail("DEAL_WITHOUT_CONTACT", "deal " + state.dealId()
                    + " has no contact (Contact_Name), so it has no Books customer to invoice");
        }
        return new Proceed(contactId.get(), invoiceNumber(state.dealId(), rules));
    }

    /** The invoice lines of a deal's products, or why they cannot be billed. */
    public static Lines lines(String dealId, List<Map<String, Object>> products, InvoiceRules rules) {
        if (products.isEmpty()) {
            return new Unbillable("DEAL_WITHOUT_PRODUCTS", "deal " + dealId + " has no products to invoice");
        }
        List<InvoiceLine> lines = new ArrayList<>();
        List<String> missingItem = new ArrayList<>();
        for (Map<String, Object> product : products) {
            String name = CrmValues.text(product, "Product_Name").or(() -> CrmValues.text(product, "id"))
                    .orElse("(unnamed product)");
            Optional<String> itemId = CrmValues.text(product, rules.itemIdField());
            if (itemId.isEmpty()) {
                missingItem.add(name);
                continue;
            }
            BigDecimal quantity;
            BigDecimal rate;
            try {
                quantity = CrmValues.decimal(product, rules.quantityField()).orElse(BigDecimal.ONE);
                rate = CrmValues.decimal(product, rules.listPriceField()).orElse(null);
            } catch (NumberFormatException e) {
                return new Unbillable("INVALID_PRODUCT_LINE", "product '" + name + "' of deal " + dealId
                        + " has a quantity or price that is not a number");
            }
            if (quantity.signum() <= 0) {
                return new Unbillable("INVALID_PRODUCT_LINE", "product '" + name + "' of deal " + dealId
                        + " has quantity " + quantity.toPlainString());
            }
            if (rate != null && rate.signum() < 0) {
                return new Unbillable("INVALID_PRODUCT_LINE", "product '" + name + "' of deal " + dealId
                        + " has a negative price");
            }
            lines.add(new InvoiceLine(itemId.get(), name, quantity, rate));
        }
        if (!missingItem.isEmpty()) {
            return new Unbillable("PRODUCT_WITHOUT_BOOKS_ITEM", "deal " + dealId + ": product(s) "
                    + String.join(", ", missingItem) + " have no " + rules.itemIdField());
        }
        return new Ready(lines);
    }

    public static InvoicePayload invoice(String dealId, String customerId, String invoiceNumber, LocalDate date,
                                         List<InvoiceLine> lines) {
        return new InvoicePayload(customerId, invoiceNumber, dealId, date, lines);
    }

    public static String mappedHash(InvoicePayload payload) {
        return MappedHash.of(payload.mappedValues());
    }

    /** Prefix + deal id: the same deal always gets the same number. */
    public static String invoiceNumber(String dealId, InvoiceRules rules) {
        String number = rules.invoiceNumberPrefix() + dealId;
        if (number.length() > InvoiceRules.MAX_INVOICE_NUMBER) {
            throw new IllegalArgumentException("invoice number prefix too long: " + number.length() + " characters");
        }
        return number;
    }

    /** True when the deal does not hold this invoice's id and number yet. */
    public static boolean needsWriteBack(Map<String, Object> deal, InvoiceRules rules, String id, String number) {
        return CrmValues.text(deal, rules.invoiceIdField()).filter(id::equals).isEmpty()
                || CrmValues.text(deal, rules.invoiceNumberField()).filter(number::equals).isEmpty();
    }
}
