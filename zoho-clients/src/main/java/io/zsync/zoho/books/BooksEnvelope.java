package io.zsync.zoho.books;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * Books' envelope on every answer: {@code code} 0 means success; the resource sits under its own key
 * ({@code contact}, {@code contacts}, {@code invoice}, ...), lists with {@code page_context}.
 *
 * @param code        0 on success
 * @param message     text
 * @param contact     one contact
 * @param contacts    contacts
 * @param item        one item
 * @param items       items
 * @param invoice     one invoice
 * @param invoices    invoices
 * @param pageContext {@code page}, {@code per_page}, {@code has_more_page}, ...
 */
@Serdeable
public record BooksEnvelope(@Nullable Integer code, @Nullable String message,
                            @Nullable BooksContact contact, @Nullable List<BooksContact> contacts,
                            @Nullable BooksItem item, @Nullable List<BooksItem> items,
                            @Nullable BooksInvoice invoice, @Nullable List<BooksInvoice> invoices,
                            @JsonProperty("page_context") @Nullable Map<String, Object> pageContext) {

    /** {@code page_context.has_more_page}. */
    public boolean hasMorePage() {
        return pageContext != null && Boolean.parseBoolean(String.valueOf(pageContext.get("has_more_page")));
    }
}
