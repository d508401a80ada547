SELECT count(*) FROM known_funds WHERE base_currency = @ToCurrency;
