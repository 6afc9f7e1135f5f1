package dev.martech.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * How {@link ApiModel}s are decoded, in one place: every property of a model is read on its own, so a value
 * in an unexpected type or format marks that property unreadable (keeping its JSON) instead of failing the
 * response; a JSON {@code null} is told apart from an absent key; a property the model does not know is kept
 * with its JSON; and unknown properties and unknown {@link OpenEnum} values are reported to the
 * {@link DriftRecorder} the reader carries as an attribute (clients set one; a plain mapper has none).
 */
final class ModelDeserialization extends SimpleModule {
    private static final long serialVersionUID = 1L;

    ModelDeserialization() {
        super("martech-models");
        setDeserializerModifier(new BeanDeserializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                    BeanDeserializerBuilder builder) {
                if (ApiModel.class.isAssignableFrom(description.getBeanClass())) {
                    List<SettableBeanProperty> properties = new ArrayList<>();
                    for (Iterator<SettableBeanProperty> it = builder.getProperties(); it.hasNext(); ) {
                        properties.add(it.next());
                    }
                    for (SettableBeanProperty property : properties) {
                        builder.addOrReplaceProperty(new TolerantProperty(property), true);
                    }
                }
                return builder;
            }
        });
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializationProblemHandler(new UnknownProperties());
    }

    /** Keeps an unknown property of a model with its JSON and reports it as drift. */
    private static final class UnknownProperties extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                Object beanOrClass, String propertyName) throws IOException {
            if (!(beanOrClass instanceof ApiModel model)) {
                return false;
            }
            JsonNode raw = ctxt.readTree(p);
            model.decodedUnknown(propertyName, raw);
            DriftRecorder drift = DriftRecorder.of(ctxt);
            if (drift != null) {
                drift.unknownProperty(model.getClass().getSimpleName(), propertyName);
            }
            return true;
        }
    }

    /** A model property read on its own; see the class comment. */
    static final class TolerantProperty extends SettableBeanProperty.Delegating {
        private static final long serialVersionUID = 1L;

        /** 0: no enum; 1: an open enum; 2: a collection of open enums. */
        private final int enumShape;
        /** Containers whose items may fail part way are buffered first, so their JSON can be kept. */
        private final boolean buffer;

        TolerantProperty(SettableBeanProperty delegate) {
            super(delegate);
            JavaType type = delegate.getType();
            boolean container = type.isContainerType();
            Class<?> item = container ? type.getContentType().getRawClass() : type.getRawClass();
            boolean openEnum = OpenEnum.class.isAssignableFrom(item);
            this.enumShape = !openEnum ? 0 : container ? 2 : 1;
            this.buffer = container && !ApiModel.class.isAssignableFrom(item) && item != String.class
                    && item != Object.class && !item.isInterface() && !JsonNode.class.isAssignableFrom(item);
        }

        @Override
        protected SettableBeanProperty withDelegate(SettableBeanProperty d) {
            return new TolerantProperty(d);
        }

        @Override
        public void deserializeAndSet(JsonParser p, DeserializationContext ctxt, Object instance) throws IOException {
            ApiModel model = (ApiModel) instance;
            JsonToken start = p.currentToken();
            if (start == JsonToken.VALUE_NULL) {
                delegate.deserializeAndSet(p, ctxt, instance);
                model.decodedNull(getName());
                return;
            }
            if (buffer && start.isStructStart()) {
                readBuffered(p, ctxt, model);
                return;
            }
            JsonStreamContext valueContext = p.getParsingContext();
            try {
                Object value = delegate.deserialize(p, ctxt);
                delegate.set(instance, value);
                if (enumShape != 0) {
                    reportUnknownValues(ctxt, model, value);
                }
            } catch (JsonProcessingException | IllegalArgumentException e) {
                JsonNode raw = null;
                if (!start.isStructStart()) {
                    raw = ctxt.readTree(p); // a scalar: the parser is still on it
                } else if (p.getParsingContext() == valueContext && p.currentToken() == start
                        && valueContext.getEntryCount() == 0) {
                    raw = ctxt.readTree(p); // failed on the first token: the whole value is still ahead
                } else {
                    skipRest(p, valueContext.getParent());
                }
                model.decodedUnreadable(getName(), raw, problem(e));
            }
        }

        private void readBuffered(JsonParser p, DeserializationContext ctxt, ApiModel model) throws IOException {
            TokenBuffer copy = ctxt.bufferAsCopyOfValue(p);
            try (JsonParser again = copy.asParserOnFirstToken()) {
                Object value = delegate.deserialize(again, ctxt);
                delegate.set(model, value);
                if (enumShape != 0) {
                    reportUnknownValues(ctxt, model, value);
                }
            } catch (JsonProcessingException | IllegalArgumentException e) {
                try (JsonParser raw = copy.asParserOnFirstToken()) {
                    model.decodedUnreadable(getName(), ctxt.readTree(raw), problem(e));
                }
            }
        }

        private static void skipRest(JsonParser p, JsonStreamContext parent) throws IOException {
            while (p.getParsingContext() != parent && p.nextToken() != null) {
                // consume up to and including the end of the value that failed
            }
        }

        private void reportUnknownValues(DeserializationContext ctxt, ApiModel model, Object value) {
            DriftRecorder drift = DriftRecorder.of(ctxt);
            if (drift == null || value == null) {
                return;
            }
            if (value instanceof OpenEnum<?> one) {
                report(drift, model, one);
            } else if (value instanceof Collection<?> many) {
                for (Object item : many) {
                    if (item instanceof OpenEnum<?> one) {
                        report(drift, model, one);
                    }
                }
            }
        }

        private void report(DriftRecorder drift, ApiModel model, OpenEnum<?> value) {
            if (!value.isKnown()) {
                drift.unknownEnumValue(model.getClass().getSimpleName(), getName(), String.valueOf(value.value()));
            }
        }

        private static String problem(Exception e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            return message == null ? e.getClass().getSimpleName() : message;
        }
    }
}
