package org.footdrop.outcomes.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.footdrop.contract.EventPayload;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.DefaultMongoTypeMapper;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * Event payloads to BSON and back with Spring Data's mapping, in the shape the projection has always
 * stored (StoredDocumentShapeTest): ids, instants and dates as the strings of the event JSON,
 * decimals as Decimal128, never binary doubles, so that 0.72 - 0.62 stays 0.10, and no type key.
 * A converter of its own, not the template's, whose defaults would store UUIDs as binary and
 * instants and dates as BSON dates (a date at midnight in some zone), and whose customisation would
 * reach every other collection.
 */
final class PayloadMapping {

    private static final MappingMongoConverter CONVERTER = converter();

    private PayloadMapping() {}

    static Document write(EventPayload payload) {
        Document document = new Document();
        CONVERTER.write(payload, document);
        return document;
    }

    static <P extends EventPayload> P read(Class<P> type, Document stored) {
        return CONVERTER.read(type, stored);
    }

    private static MappingMongoConverter converter() {
        MongoCustomConversions conversions = MongoCustomConversions.create(
                config -> config.bigDecimal(MongoCustomConversions.BigDecimalRepresentation.DECIMAL128)
                        .registerConverters(
                                List.of(UuidToString.INSTANCE, InstantToString.INSTANCE, LocalDateToString.INSTANCE)));
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.setTypeMapper(new DefaultMongoTypeMapper(null));
        converter.afterPropertiesSet();
        return converter;
    }

    @WritingConverter
    private enum UuidToString implements Converter<UUID, String> {
        INSTANCE;

        @Override
        public String convert(UUID source) {
            return source.toString();
        }
    }

    @WritingConverter
    private enum InstantToString implements Converter<Instant, String> {
        INSTANCE;

        @Override
        public String convert(Instant source) {
            return source.toString();
        }
    }

    @WritingConverter
    private enum LocalDateToString implements Converter<LocalDate, String> {
        INSTANCE;

        @Override
        public String convert(LocalDate source) {
            return source.toString();
        }
    }
}
