package dev.usagekit.emulator.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.xml.XmlMapper;

/**
 * The vendors' JSON and XML: PascalCase names from record components, absent optional fields left out, component
 * order kept, duplicate keys in request bodies refused, and doubles written as Go writes them ({@link GoFloatText}).
 */
public final class WireCodec {

    public static final JsonMapper JSON = jsonMapperBuilder()
            .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .addModule(new SimpleModule("go-floats")
                    .addSerializer(Double.class, GoFloatText.SERIALIZER)
                    .addSerializer(Double.TYPE, GoFloatText.SERIALIZER))
            .build();

    public static final XmlMapper XML = XmlMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .defaultUseWrapper(false)
            .build();

    private WireCodec() {
    }

    /**
     * A JSON mapper whose parsers and generators reuse one set of buffers per thread. Calls are answered on a few
     * long-lived event loops, where Jackson's default pool (a concurrent deque shared by all threads) cost about 1 %
     * of a call.
     */
    public static JsonMapper.Builder jsonMapperBuilder() {
        return JsonMapper.builder(JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build());
    }
}
