/* validate-ui.c: checks the project's GtkBuilder .ui files (the meson test data/validate-ui).
 *
 * Why not gtk4-builder-tool: on GTK 4.8 it knows only GTK's own types, so a template whose parent
 * is a libadwaita class ("Failed to lookup template parent type AdwApplicationWindow") or any file
 * using Adw widgets cannot be checked with it. This program links GTK and libadwaita and builds
 * every file with a real GtkBuilder, so an unknown type, property or signal, a malformed value, a
 * wrong child type or a missing object id fails the check.
 *
 * How a file is checked:
 *  - All files are scanned first. Each <template class="IcwX" parent="P"> defines a stand-in type
 *    IcwX derived from P (P may itself be a template class), so templates can use each other.
 *    `--type IcwX=P` (or a line `IcwX=P` in --types-file) declares a project type that has no
 *    template, e.g. a widget written in C. Any other project (Icw…) type used as an <object> is
 *    an error; a project type named only in a <lookup type="…"> is a stand-in GObject.
 *  - The <template> root is rewritten to <object class="IcwX" id="IcwX"> (the id a template has)
 *    without moving any line, and the file is built with gtk_builder_add_from_string().
 *  - Properties and signals on the template root must exist on the parent class. On the stand-ins
 *    the program adds the properties other files set or bind and the signals they connect, typed
 *    from the other end of the binding where it can (these project-defined names are checked at
 *    run time by the widget tests, not here).
 *  - Signal handlers are accepted by name (the file is built outside the program). Warnings and
 *    criticals logged while a file is built, deprecated properties and signals, and an
 *    <requires lib="Adw"> newer than the libadwaita here are errors.
 *  - GtkBuilderListItemFactory "bytes" (the inline list item templates) are checked the same way.
 *
 * Exit status: 0 all files valid, 1 errors, 2 usage, 77 (skip) when no display can be opened.
 */
#include <adwaita.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ documents and stand-ins */

typedef struct
{
  char *display;   /* name used in messages */
  char *text;      /* the XML */
  int line_offset; /* lines before the document in its file (list item factories) */
  GHashTable *ids; /* id -> class name */
  gboolean failed;
} Doc;

typedef enum
{
  KIND_UNKNOWN,
  KIND_OBJECT,
} PropKind;

typedef struct
{
  PropKind kind;
  char *hint_class; /* the other end of a binding or lookup, to take the value type from */
  char *hint_prop;
  char *hint_type;  /* or the type of the <closure>/<constant> a binding evaluates */
} CustomProp;

typedef struct
{
  char *name;
  char *parent;       /* parent class name; NULL when not known */
  char *where;        /* "file:line" of the template or declaration */
  char *first_object; /* "file:line" of the first <object> use, or NULL */
  GHashTable *props;  /* name -> CustomProp */
  GHashTable *signals; /* name set */
  GType type;
  gboolean registering;
} StandIn;

/* One <property>, <signal>, binding or lookup seen by the scan, resolved after every file is read. */
typedef enum
{
  USE_PROPERTY,
  USE_SIGNAL,
} UseKind;

typedef struct
{
  UseKind kind;
  Doc *doc;
  int line;
  char *klass; /* owner class, or NULL when it comes from an id (see id) */
  char *id;
  char *name;
  gboolean on_root;      /* set directly on a template root: must exist on the parent */
  gboolean custom_ok;    /* may be a project-defined property/signal */
  PropKind prop_kind;
  char *hint_class;      /* or hint_id */
  char *hint_id;
  char *hint_prop;
  char *hint_type;
} Use;

static GPtrArray *docs;         /* Doc* */
static GHashTable *stand_ins;   /* name -> StandIn* */
static GPtrArray *uses;         /* Use* */
static GString *global_errors;
static GtkBuilder *scratch_builder; /* resolves GTK and Adw type names lazily */

static gboolean
is_project_type (const char *name)
{
  return name != NULL && g_str_has_prefix (name, "Icw");
}

static StandIn *
stand_in_get (const char *name)
{
  StandIn *s = g_hash_table_lookup (stand_ins, name);

  if (s == NULL)
    {
      s = g_new0 (StandIn, 1);
      s->name = g_strdup (name);
      s->props = g_hash_table_new (g_str_hash, g_str_equal);
      s->signals = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (stand_ins, s->name, s);
    }
  return s;
}

static void
doc_error (Doc *doc, int line, const char *message)
{
  if (line > 0)
    g_printerr ("%s:%d: %s\n", doc->display, line + doc->line_offset, message);
  else if (doc->line_offset > 0)
    g_printerr ("%s: %s (its lines count from line %d of the file)\n", doc->display, message,
                doc->line_offset + 1);
  else
    g_printerr ("%s: %s\n", doc->display, message);
  doc->failed = TRUE;
}

/* ------------------------------------------------------------------ the scan */

typedef enum
{
  FRAME_OTHER,
  FRAME_OBJECT,
  FRAME_PROPERTY,
  FRAME_LOOKUP,
  FRAME_BINDING,
  FRAME_NESTED, /* <layout> and <accessibility>: their <property> elements are not the object's */
} FrameKind;

typedef struct
{
  FrameKind kind;
  int line;
  char *klass;   /* FRAME_OBJECT */
  gboolean root; /* FRAME_OBJECT from <template> */
  char *name;    /* property, lookup or binding name */
  char *type;    /* lookup type */
  GString *text; /* lookup content, factory bytes */
  int text_line;  /* line where the text starts */
  gboolean has_object;
  gboolean factory_bytes;
  Use *use;      /* the property/binding use this frame records */
} Frame;

typedef struct
{
  Doc *doc;
  GPtrArray *frames;
} ScanState;

static Frame *
frame_top (ScanState *st)
{
  return st->frames->len ? g_ptr_array_index (st->frames, st->frames->len - 1) : NULL;
}

static Frame *
frame_owner (ScanState *st)
{
  guint i;

  for (i = st->frames->len; i > 0; i--)
    {
      Frame *f = g_ptr_array_index (st->frames, i - 1);
      if (f->kind == FRAME_OBJECT)
        return f;
    }
  return NULL;
}

static void
frame_free (gpointer data)
{
  Frame *f = data;

  g_free (f->klass);
  g_free (f->name);
  g_free (f->type);
  if (f->text)
    g_string_free (f->text, TRUE);
  g_free (f);
}

static Use *
use_add (UseKind kind, Doc *doc, int line, const char *klass, const char *name)
{
  Use *u = g_new0 (Use, 1);

  u->kind = kind;
  u->doc = doc;
  u->line = line;
  u->klass = g_strdup (klass);
  u->name = g_strdup (name);
  g_ptr_array_add (uses, u);
  return u;
}

static const char *
attr (const char **names, const char **values, const char *wanted)
{
  int i;

  for (i = 0; names[i]; i++)
    if (strcmp (names[i], wanted) == 0)
      return values[i];
  return NULL;
}

static int
current_line (GMarkupParseContext *context)
{
  int line = 0, col = 0;

  /* GMarkup gives the position just after the start tag; after a tag that ends its line that
   * is column 1 of the next line. */
  g_markup_parse_context_get_position (context, &line, &col);
  return (col <= 1 && line > 1) ? line - 1 : line;
}

static void
scan_start (GMarkupParseContext *context, const char *element, const char **names,
            const char **values, gpointer user_data, GError **error)
{
  ScanState *st = user_data;
  Frame *parent = frame_top (st);
  Frame *owner = frame_owner (st);
  Frame *f = g_new0 (Frame, 1);
  int line = current_line (context);

  f->line = line;
  g_ptr_array_add (st->frames, f);

  if (strcmp (element, "template") == 0)
    {
      const char *klass = attr (names, values, "class");
      const char *parent_class = attr (names, values, "parent");
      StandIn *s;

      if (klass == NULL || (parent_class == NULL && is_project_type (klass)))
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_MISSING_ATTRIBUTE,
                       "<template> needs both class and parent");
          return;
        }
      f->kind = FRAME_OBJECT;
      f->klass = g_strdup (klass);
      f->root = TRUE;
      g_hash_table_insert (st->doc->ids, g_strdup (klass), g_strdup (klass));
      if (parent_class == NULL)
        return; /* a template of an existing class, e.g. GtkListItem in a list item factory */
      s = stand_in_get (klass);
      if (s->where != NULL)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       "a template for %s is already defined at %s", klass, s->where);
          return;
        }
      s->parent = g_strdup (parent_class);
      s->where = g_strdup_printf ("%s:%d", st->doc->display, line + st->doc->line_offset);
    }
  else if (strcmp (element, "object") == 0)
    {
      const char *klass = attr (names, values, "class");
      const char *id = attr (names, values, "id");

      f->kind = FRAME_OBJECT;
      f->klass = g_strdup (klass);
      if (id != NULL && klass != NULL)
        g_hash_table_insert (st->doc->ids, g_strdup (id), g_strdup (klass));
      if (is_project_type (klass))
        {
          StandIn *s = stand_in_get (klass);
          if (s->first_object == NULL)
            s->first_object = g_strdup_printf ("%s:%d", st->doc->display,
                                               line + st->doc->line_offset);
        }
      if (parent != NULL && parent->kind == FRAME_PROPERTY)
        parent->has_object = TRUE;
    }
  else if (strcmp (element, "layout") == 0 || strcmp (element, "accessibility") == 0)
    f->kind = FRAME_NESTED;
  else if ((strcmp (element, "closure") == 0 || strcmp (element, "constant") == 0)
           && parent != NULL && parent->kind == FRAME_BINDING && parent->use != NULL)
    {
      const char *type = attr (names, values, "type");
      if (type != NULL && parent->use->hint_type == NULL)
        parent->use->hint_type = g_strdup (type);
    }
  else if (strcmp (element, "property") == 0 && owner != NULL && owner->klass != NULL
           && (parent == NULL || parent->kind != FRAME_NESTED))
    {
      const char *name = attr (names, values, "name");
      const char *bind_source = attr (names, values, "bind-source");
      const char *bind_property = attr (names, values, "bind-property");

      f->kind = FRAME_PROPERTY;
      f->name = g_strdup (name);
      if (name == NULL)
        return; /* GtkBuilder reports it */
      f->use = use_add (USE_PROPERTY, st->doc, line, owner->klass, name);
      f->use->on_root = owner->root;
      f->use->custom_ok = !owner->root;
      if (bind_source != NULL && bind_property != NULL)
        {
          Use *b;

          f->use->hint_id = g_strdup (bind_source);
          f->use->hint_prop = g_strdup (bind_property);
          /* the source end of the binding may be a project-defined property */
          b = use_add (USE_PROPERTY, st->doc, line, NULL, bind_property);
          b->id = g_strdup (bind_source);
          b->custom_ok = TRUE;
          b->hint_class = g_strdup (owner->klass);
          b->hint_prop = g_strdup (name);
        }
      if (g_strcmp0 (owner->klass, "GtkBuilderListItemFactory") == 0 && strcmp (name, "bytes") == 0)
        {
          f->factory_bytes = TRUE;
          f->text = g_string_new (NULL);
        }
    }
  else if (strcmp (element, "signal") == 0 && owner != NULL && owner->klass != NULL)
    {
      const char *name = attr (names, values, "name");
      Use *u;

      if (name == NULL)
        return;
      u = use_add (USE_SIGNAL, st->doc, line, owner->klass, name);
      u->on_root = owner->root;
      u->custom_ok = !owner->root;
    }
  else if (strcmp (element, "binding") == 0 && owner != NULL && owner->klass != NULL)
    {
      const char *name = attr (names, values, "name");

      f->kind = FRAME_BINDING;
      if (name == NULL)
        return;
      f->use = use_add (USE_PROPERTY, st->doc, line, owner->klass, name);
      f->use->custom_ok = !owner->root;
    }
  else if (strcmp (element, "lookup") == 0)
    {
      f->kind = FRAME_LOOKUP;
      f->name = g_strdup (attr (names, values, "name"));
      f->type = g_strdup (attr (names, values, "type"));
      f->text = g_string_new (NULL);
    }
  else if (strcmp (element, "requires") == 0)
    {
      const char *lib = attr (names, values, "lib");
      const char *version = attr (names, values, "version");
      guint major = 0, minor = 0;

      if ((g_strcmp0 (lib, "Adw") == 0 || g_strcmp0 (lib, "libadwaita") == 0) && version != NULL
          && sscanf (version, "%u.%u", &major, &minor) == 2
          && (major > adw_get_major_version ()
              || (major == adw_get_major_version () && minor > adw_get_minor_version ())))
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       "requires libadwaita %u.%u, but the platform has %u.%u", major, minor,
                       adw_get_major_version (), adw_get_minor_version ());
        }
    }
}

static void
scan_text (GMarkupParseContext *context, const char *text, gsize len, gpointer user_data,
           GError **error)
{
  ScanState *st = user_data;
  Frame *f = frame_top (st);

  if (f != NULL && f->text != NULL)
    {
      if (f->text->len == 0)
        {
          /* the position is at the end of the text: count back its newlines */
          int line = 0, col = 0;
          gsize i;

          g_markup_parse_context_get_position (context, &line, &col);
          for (i = 0; i < len; i++)
            if (text[i] == '\n')
              line--;
          f->text_line = line;
        }
      g_string_append_len (f->text, text, (gssize) len);
    }
}

static void
scan_end (GMarkupParseContext *context, const char *element, gpointer user_data, GError **error)
{
  ScanState *st = user_data;
  Frame *f = frame_top (st);
  Frame *parent = st->frames->len > 1 ? g_ptr_array_index (st->frames, st->frames->len - 2) : NULL;

  if (f == NULL)
    return;

  if (f->kind == FRAME_PROPERTY && f->use != NULL && f->has_object)
    f->use->prop_kind = KIND_OBJECT;

  if (f->factory_bytes && f->text->len > 0)
    {
      Doc *doc = g_new0 (Doc, 1);
      const char *start = f->text->str;
      int newlines = 0;

      /* leading blank lines are dropped (GMarkup does not count them); line numbers in messages
       * stay the file's */
      while (g_ascii_isspace (*start))
        if (*start++ == '\n')
          newlines++;
      doc->display = g_strdup_printf ("%s (list item factory)", st->doc->display);
      doc->text = g_strdup (start);
      doc->line_offset = f->text_line - 1 + newlines + st->doc->line_offset;
      doc->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_ptr_array_add (docs, doc);
    }

  if (f->kind == FRAME_LOOKUP && f->name != NULL)
    {
      char *content = g_strstrip (g_strdup (f->text->str));
      Use *u = NULL;

      if (f->type != NULL)
        u = use_add (USE_PROPERTY, st->doc, f->line, f->type, f->name);
      else if (*content != '\0')
        {
          u = use_add (USE_PROPERTY, st->doc, f->line, NULL, f->name);
          u->id = g_strdup (content);
        }
      if (u != NULL)
        {
          u->custom_ok = TRUE;
          /* an inner lookup gives the object the outer lookup reads from */
          if (parent != NULL && parent->kind == FRAME_LOOKUP)
            u->prop_kind = KIND_OBJECT;
          if (is_project_type (f->type))
            stand_in_get (f->type);
        }
      /* a <binding> takes its value type from the lookup it evaluates */
      if (parent != NULL && parent->kind == FRAME_BINDING && parent->use != NULL && u != NULL
          && parent->use->hint_type == NULL)
        {
          if (u->klass)
            parent->use->hint_class = g_strdup (u->klass);
          else
            parent->use->hint_id = g_strdup (u->id);
          parent->use->hint_prop = g_strdup (u->name);
        }
      g_free (content);
    }

  g_ptr_array_set_size (st->frames, st->frames->len - 1);
}

static gboolean
scan_doc (Doc *doc)
{
  GMarkupParser parser = { scan_start, scan_end, scan_text, NULL, NULL };
  ScanState st = { doc, g_ptr_array_new_with_free_func (frame_free) };
  GMarkupParseContext *context;
  GError *error = NULL;
  gboolean ok;

  context = g_markup_parse_context_new (&parser,
                                        G_MARKUP_PREFIX_ERROR_POSITION | G_MARKUP_TREAT_CDATA_AS_TEXT,
                                        &st, NULL);
  ok = g_markup_parse_context_parse (context, doc->text, -1, &error)
       && g_markup_parse_context_end_parse (context, &error);
  if (!ok)
    {
      doc_error (doc, 0, error->message);
      g_error_free (error);
    }
  g_markup_parse_context_free (context);
  g_ptr_array_free (st.frames, TRUE);
  return ok;
}

/* ------------------------------------------------------------------ property types */

static GType resolve_type (const char *name, int depth);

/* The value type of @klass:@prop, G_TYPE_INVALID when unknown. *found tells whether the class
 * (or a parent) has the property at all. */
static GType
property_type (const char *klass, const char *prop, gboolean *found, int depth)
{
  StandIn *s;

  *found = FALSE;
  if (klass == NULL || depth > 8)
    return G_TYPE_INVALID;
  s = g_hash_table_lookup (stand_ins, klass);
  if (s != NULL)
    {
      CustomProp *cp = g_hash_table_lookup (s->props, prop);
      if (cp != NULL)
        {
          gboolean hint_found;
          *found = TRUE;
          if (cp->kind == KIND_OBJECT)
            return G_TYPE_OBJECT;
          if (cp->hint_type != NULL)
            return resolve_type (cp->hint_type, depth + 1);
          return property_type (cp->hint_class, cp->hint_prop, &hint_found, depth + 1);
        }
      return property_type (s->parent ? s->parent : "GObject", prop, found, depth + 1);
    }
  else
    {
      GType type = resolve_type (klass, depth + 1);
      GParamSpec *pspec = NULL;

      if (type == G_TYPE_INVALID)
        return G_TYPE_INVALID;
      if (G_TYPE_IS_INTERFACE (type))
        {
          gpointer iface = g_type_default_interface_ref (type);
          pspec = g_object_interface_find_property (iface, prop);
          g_type_default_interface_unref (iface);
        }
      else if (G_TYPE_IS_OBJECT (type))
        {
          GObjectClass *oclass = g_type_class_ref (type);
          pspec = g_object_class_find_property (oclass, prop);
          g_type_class_unref (oclass);
        }
      if (pspec == NULL)
        return G_TYPE_INVALID;
      *found = TRUE;
      return pspec->value_type;
    }
}

static GParamSpec *
param_spec_for (const char *name, GType type)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_BOOLEAN:
      return g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
    case G_TYPE_INT:
      return g_param_spec_int (name, NULL, NULL, G_MININT, G_MAXINT, 0, flags);
    case G_TYPE_UINT:
      return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0, flags);
    case G_TYPE_INT64:
      return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
    case G_TYPE_UINT64:
      return g_param_spec_uint64 (name, NULL, NULL, 0, G_MAXUINT64, 0, flags);
    case G_TYPE_LONG:
      return g_param_spec_long (name, NULL, NULL, G_MINLONG, G_MAXLONG, 0, flags);
    case G_TYPE_ULONG:
      return g_param_spec_ulong (name, NULL, NULL, 0, G_MAXULONG, 0, flags);
    case G_TYPE_FLOAT:
      return g_param_spec_float (name, NULL, NULL, -G_MAXFLOAT, G_MAXFLOAT, 0, flags);
    case G_TYPE_DOUBLE:
      return g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
    case G_TYPE_ENUM:
      {
        GEnumClass *eclass = g_type_class_ref (type);
        GParamSpec *pspec = g_param_spec_enum (name, NULL, NULL, type, eclass->values[0].value,
                                               flags);
        g_type_class_unref (eclass);
        return pspec;
      }
    case G_TYPE_FLAGS:
      return g_param_spec_flags (name, NULL, NULL, type, 0, flags);
    case G_TYPE_OBJECT:
      return g_param_spec_object (name, NULL, NULL, type, flags);
    case G_TYPE_INTERFACE:
      return g_param_spec_object (name, NULL, NULL, G_TYPE_OBJECT, flags);
    case G_TYPE_BOXED:
      return g_param_spec_boxed (name, NULL, NULL, type, flags);
    default:
      return g_param_spec_string (name, NULL, NULL, NULL, flags);
    }
}

/* ------------------------------------------------------------------ stand-in types */

static void
value_free (gpointer data)
{
  g_value_unset (data);
  g_free (data);
}

static void
stand_in_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  GValue *copy = g_new0 (GValue, 1);

  g_value_init (copy, pspec->value_type);
  g_value_copy (value, copy);
  g_object_set_data_full (object, pspec->name, copy, value_free);
}

static void
stand_in_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  GValue *stored = g_object_get_data (object, pspec->name);

  if (stored != NULL)
    g_value_copy (stored, value);
  else
    g_param_value_set_default (pspec, value);
}

/* A template whose parent is GtkWidget itself stands for a widget that unparents its template's
 * children in its own dispose (as IcwDocumentEditor does): GtkWidget does not, and would warn
 * that the finalized stand-in still has children. */
static void
widget_stand_in_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (g_type_class_peek (GTK_TYPE_WIDGET))->dispose (object);
}

static void
stand_in_class_init (gpointer klass, gpointer class_data)
{
  StandIn *s = class_data;
  GObjectClass *oclass = klass;
  GObjectClass *parent_class = g_type_class_peek_parent (klass);
  GHashTableIter iter;
  gpointer key, value;
  guint prop_id = 1;

  oclass->set_property = stand_in_set_property;
  oclass->get_property = stand_in_get_property;
  if (G_TYPE_FROM_CLASS (parent_class) == GTK_TYPE_WIDGET)
    oclass->dispose = widget_stand_in_dispose;

  g_hash_table_iter_init (&iter, s->props);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CustomProp *cp = value;
      GType type = G_TYPE_STRING;
      gboolean found;

      if (g_object_class_find_property (parent_class, key) != NULL)
        continue;
      if (cp->kind == KIND_OBJECT)
        type = G_TYPE_OBJECT;
      else if (cp->hint_type != NULL && resolve_type (cp->hint_type, 0) != G_TYPE_INVALID)
        type = resolve_type (cp->hint_type, 0);
      else if (cp->hint_class != NULL)
        {
          GType hinted = property_type (cp->hint_class, cp->hint_prop, &found, 0);
          if (hinted != G_TYPE_INVALID)
            type = hinted;
        }
      g_object_class_install_property (oclass, prop_id++, param_spec_for (key, type));
    }

  g_hash_table_iter_init (&iter, s->signals);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_signal_lookup (key, G_TYPE_FROM_CLASS (klass)) == 0)
        g_signal_new (key, G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                      G_TYPE_NONE, 0);
    }
}

static GType
resolve_type (const char *name, int depth)
{
  StandIn *s = g_hash_table_lookup (stand_ins, name);
  GType parent_type;
  GTypeQuery query;
  GTypeInfo info = { 0 };

  if (s == NULL)
    {
      if (is_project_type (name))
        return G_TYPE_INVALID;
      return gtk_builder_get_type_from_name (scratch_builder, name);
    }
  if (s->type != G_TYPE_INVALID)
    return s->type;
  if (s->registering || depth > 16)
    {
      g_string_append_printf (global_errors, "%s: its parent chain loops back to itself\n",
                              s->name);
      return G_TYPE_INVALID;
    }
  if (s->parent == NULL)
    {
      if (s->first_object != NULL)
        {
          g_string_append_printf (global_errors,
                                  "%s: project type %s is used as an object, but no .ui file "
                                  "checked here has a template for it; declare its parent class "
                                  "with --type %s=PARENT (or a line in the types file)\n",
                                  s->first_object, s->name, s->name);
          return G_TYPE_INVALID;
        }
      s->parent = g_strdup ("GObject"); /* only named in lookups: a model object */
    }

  s->registering = TRUE;
  parent_type = resolve_type (s->parent, depth + 1);
  s->registering = FALSE;
  if (parent_type == G_TYPE_INVALID)
    {
      g_string_append_printf (global_errors, "%s: the parent type %s of %s is unknown\n",
                              s->where ? s->where : s->name, s->parent, s->name);
      return G_TYPE_INVALID;
    }
  if (G_TYPE_IS_FINAL (parent_type) || !G_TYPE_IS_DERIVABLE (parent_type))
    {
      g_string_append_printf (global_errors, "%s: %s cannot derive from %s: it is a final type\n",
                              s->where ? s->where : s->name, s->name, s->parent);
      return G_TYPE_INVALID;
    }

  g_type_query (parent_type, &query);
  info.class_size = (guint16) query.class_size;
  info.class_init = stand_in_class_init;
  info.class_data = s;
  info.instance_size = (guint16) query.instance_size;
  s->type = g_type_register_static (parent_type, s->name, &info, 0);
  return s->type;
}

/* Attach every scanned use that may name a project-defined property or signal to its stand-in. */
static void
resolve_uses (void)
{
  guint i;

  for (i = 0; i < uses->len; i++)
    {
      Use *u = g_ptr_array_index (uses, i);
      StandIn *s;
      gboolean found;

      if (u->klass == NULL && u->id != NULL)
        u->klass = g_strdup (g_hash_table_lookup (u->doc->ids, u->id));
      if (u->hint_class == NULL && u->hint_id != NULL)
        u->hint_class = g_strdup (g_hash_table_lookup (u->doc->ids, u->hint_id));
      if (u->klass == NULL || !u->custom_ok)
        continue;
      s = g_hash_table_lookup (stand_ins, u->klass);
      if (s == NULL)
        continue;
      if (u->kind == USE_SIGNAL)
        {
          g_hash_table_add (s->signals, u->name);
          continue;
        }
      /* already provided by a (non-stand-in or stand-in) parent? */
      property_type (s->parent ? s->parent : "GObject", u->name, &found, 0);
      if (found)
        continue;
      if (!g_hash_table_contains (s->props, u->name))
        {
          CustomProp *cp = g_new0 (CustomProp, 1);
          cp->kind = u->prop_kind;
          cp->hint_class = u->hint_class;
          cp->hint_prop = u->hint_prop;
          cp->hint_type = u->hint_type;
          g_hash_table_insert (s->props, u->name, cp);
        }
      else if (u->prop_kind == KIND_OBJECT)
        ((CustomProp *) g_hash_table_lookup (s->props, u->name))->kind = KIND_OBJECT;
    }
}

/* ------------------------------------------------------------------ the builder scope */

#define VALIDATE_UI_TYPE_SCOPE (validate_ui_scope_get_type ())
G_DECLARE_FINAL_TYPE (ValidateUiScope, validate_ui_scope, VALIDATE_UI, SCOPE, GObject)

struct _ValidateUiScope
{
  GObject parent_instance;
  GtkBuilderScope *cscope;
};

static void validate_ui_scope_iface_init (GtkBuilderScopeInterface *iface);

G_DEFINE_TYPE_WITH_CODE (ValidateUiScope, validate_ui_scope, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDER_SCOPE, validate_ui_scope_iface_init))

static GType
scope_get_type_from_name (GtkBuilderScope *scope, GtkBuilder *builder, const char *type_name)
{
  ValidateUiScope *self = VALIDATE_UI_SCOPE (scope);
  StandIn *s = g_hash_table_lookup (stand_ins, type_name);

  if (s != NULL)
    return s->type;
  return GTK_BUILDER_SCOPE_GET_IFACE (self->cscope)->get_type_from_name (self->cscope, builder,
                                                                          type_name);
}

static GType
scope_get_type_from_function (GtkBuilderScope *scope, GtkBuilder *builder, const char *function)
{
  ValidateUiScope *self = VALIDATE_UI_SCOPE (scope);

  return GTK_BUILDER_SCOPE_GET_IFACE (self->cscope)->get_type_from_function (self->cscope,
                                                                              builder, function);
}

static void
noop_marshal (GClosure *closure, GValue *return_value, guint n_param_values,
              const GValue *param_values, gpointer invocation_hint, gpointer marshal_data)
{
}

static GClosure *
scope_create_closure (GtkBuilderScope *scope, GtkBuilder *builder, const char *function_name,
                      GtkBuilderClosureFlags flags, GObject *object, GError **error)
{
  GClosure *closure;
  const char *p;

  for (p = function_name; *p; p++)
    {
      if (!(g_ascii_isalnum (*p) || *p == '_') || (p == function_name && g_ascii_isdigit (*p)))
        {
          g_set_error (error, GTK_BUILDER_ERROR, GTK_BUILDER_ERROR_INVALID_FUNCTION,
                       "“%s” is not a C function name", function_name);
          return NULL;
        }
    }
  if (*function_name == '\0')
    {
      g_set_error (error, GTK_BUILDER_ERROR, GTK_BUILDER_ERROR_INVALID_FUNCTION,
                   "empty handler name");
      return NULL;
    }
  closure = g_closure_new_simple (sizeof (GClosure), NULL);
  g_closure_set_marshal (closure, noop_marshal);
  return closure;
}

static void
validate_ui_scope_iface_init (GtkBuilderScopeInterface *iface)
{
  iface->get_type_from_name = scope_get_type_from_name;
  iface->get_type_from_function = scope_get_type_from_function;
  iface->create_closure = scope_create_closure;
}

static void
validate_ui_scope_finalize (GObject *object)
{
  g_object_unref (VALIDATE_UI_SCOPE (object)->cscope);
  G_OBJECT_CLASS (validate_ui_scope_parent_class)->finalize (object);
}

static void
validate_ui_scope_class_init (ValidateUiScopeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = validate_ui_scope_finalize;
}

static void
validate_ui_scope_init (ValidateUiScope *self)
{
  self->cscope = GTK_BUILDER_SCOPE (gtk_builder_cscope_new ());
}

/* ------------------------------------------------------------------ logging */

static GString *captured; /* non-NULL while a file is being built */

static GLogWriterOutput
log_writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
  if (captured != NULL
      && (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)))
    {
      const char *domain = NULL, *message = NULL;
      gsize i;

      for (i = 0; i < n_fields; i++)
        {
          if (strcmp (fields[i].key, "GLIB_DOMAIN") == 0)
            domain = fields[i].value;
          else if (strcmp (fields[i].key, "MESSAGE") == 0)
            message = fields[i].value;
        }
      g_string_append_printf (captured, "    %s%s%s\n", domain ? domain : "", domain ? ": " : "",
                              message ? message : "(no message)");
      return G_LOG_WRITER_HANDLED;
    }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

/* ------------------------------------------------------------------ checking a document */

/* Skips comments, CDATA sections and processing instructions starting at p; returns where the
 * markup after them starts, or p when there is none. */
static const char *
skip_non_element (const char *p)
{
  static const struct { const char *open, *close; } kinds[] = {
    { "<!--", "-->" }, { "<![CDATA[", "]]>" }, { "<?", "?>" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_str_has_prefix (p, kinds[i].open))
        {
          const char *end = strstr (p + strlen (kinds[i].open), kinds[i].close);
          return end ? end + strlen (kinds[i].close) : p + strlen (p);
        }
    }
  return p;
}

/* Rewrites <template class="X" parent="P" …> to <object class="X" id="X" …> and its end tag,
 * keeping every line where it was. Returns a new string. */
static char *
rewrite_template (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;
  gboolean in_template = FALSE;

  while (*p)
    {
      const char *next = skip_non_element (p);

      if (next != p)
        {
          g_string_append_len (out, p, next - p);
          p = next;
          continue;
        }
      if (!in_template && g_str_has_prefix (p, "<template")
          && (g_ascii_isspace (p[9]) || p[9] == '>' || p[9] == '/'))
        {
          const char *end = strchr (p, '>');
          char *tag, *klass = NULL;
          GMatchInfo *match = NULL;
          GRegex *re = g_regex_new ("\\bclass\\s*=\\s*[\"']([^\"']*)[\"']", 0, 0, NULL);
          const char *q;

          if (end == NULL)
            break;
          tag = g_strndup (p, end - p + 1);
          if (g_regex_match (re, tag, 0, &match))
            klass = g_match_info_fetch (match, 1);
          g_match_info_free (match);
          g_regex_unref (re);
          g_string_append_printf (out, "<object class=\"%s\" id=\"%s\"", klass ? klass : "",
                                  klass ? klass : "");
          for (q = tag; *q; q++)
            if (*q == '\n')
              g_string_append_c (out, '\n');
          g_string_append_c (out, end[-1] == '/' ? '/' : ' ');
          g_string_append_c (out, '>');
          in_template = end[-1] != '/';
          g_free (klass);
          g_free (tag);
          p = end + 1;
          continue;
        }
      if (in_template && g_str_has_prefix (p, "</template"))
        {
          g_string_append (out, "</object");
          p += strlen ("</template");
          in_template = FALSE;
          continue;
        }
      g_string_append_c (out, *p);
      p++;
    }
  return g_string_free (out, FALSE);
}

static char *
locate_message (Doc *doc, const char *message)
{
  /* GtkBuilder prefixes ".:LINE:COL " (the name of a string buffer); turn it into this document's
   * name and the line in its file. */
  int line = 0, col = 0, n = 0;

  if (sscanf (message, ".:%d:%d%n", &line, &col, &n) == 2 && n > 0)
    {
      const char *rest = message + n;
      if (*rest == ':')
        rest++;
      while (*rest == ' ')
        rest++;
      return g_strdup_printf ("%s:%d:%d: %s", doc->display, line + doc->line_offset, col, rest);
    }
  return g_strdup_printf ("%s: %s", doc->display, message);
}

static void
check_deprecations (Doc *doc)
{
  guint i;

  for (i = 0; i < uses->len; i++)
    {
      Use *u = g_ptr_array_index (uses, i);
      GType type;

      if (u->doc != doc || u->klass == NULL || u->id != NULL)
        continue;
      type = resolve_type (u->klass, 0);
      if (type == G_TYPE_INVALID)
        continue;
      if (u->kind == USE_PROPERTY && G_TYPE_IS_OBJECT (type))
        {
          GObjectClass *oclass = g_type_class_ref (type);
          GParamSpec *pspec = g_object_class_find_property (oclass, u->name);
          if (pspec != NULL && (pspec->flags & G_PARAM_DEPRECATED))
            {
              char *m = g_strdup_printf ("property %s:%s is deprecated", u->klass, u->name);
              doc_error (doc, u->line, m);
              g_free (m);
            }
          g_type_class_unref (oclass);
        }
      else if (u->kind == USE_SIGNAL)
        {
          guint id = 0;
          GSignalQuery query;
          /* The name may carry a detail ("notify::selected"), which g_signal_lookup () refuses. */
          if (g_signal_parse_name (u->name, type, &id, NULL, FALSE) && id != 0)
            {
              g_signal_query (id, &query);
              if (query.signal_flags & G_SIGNAL_DEPRECATED)
                {
                  char *m = g_strdup_printf ("signal %s::%s is deprecated", u->klass, u->name);
                  doc_error (doc, u->line, m);
                  g_free (m);
                }
            }
        }
    }
}

static void
validate_doc (Doc *doc, GtkBuilderScope *scope)
{
  GtkBuilder *builder;
  GError *error = NULL;
  char *text;
  GSList *objects, *l;

  text = rewrite_template (doc->text);
  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);

  captured = g_string_new (NULL);
  if (!gtk_builder_add_from_string (builder, text, -1, &error))
    {
      char *m = locate_message (doc, error->message);
      g_printerr ("%s\n", m);
      doc->failed = TRUE;
      g_free (m);
      g_clear_error (&error);
    }
  if (captured->len > 0)
    {
      g_printerr ("%s: warnings while building it:\n%s", doc->display, captured->str);
      doc->failed = TRUE;
    }
  g_string_free (captured, TRUE);
  captured = NULL;

  if (!doc->failed)
    check_deprecations (doc);

  objects = gtk_builder_get_objects (builder);
  for (l = objects; l != NULL; l = l->next)
    if (GTK_IS_WINDOW (l->data))
      gtk_window_destroy (l->data);
  g_slist_free (objects);
  g_object_unref (builder);
  g_free (text);
}

/* ------------------------------------------------------------------ main */

static gboolean
declare_type (const char *spec, const char *where)
{
  char **parts = g_strsplit (spec, "=", 2);
  gboolean ok = parts[0] && parts[1] && *g_strstrip (parts[0]) && *g_strstrip (parts[1]);

  if (ok)
    {
      StandIn *s = stand_in_get (parts[0]);
      if (s->parent == NULL)
        {
          s->parent = g_strdup (parts[1]);
          s->where = g_strdup (where);
        }
    }
  else
    g_printerr ("validate-ui: %s: expected NAME=PARENT, got “%s”\n", where, spec);
  g_strfreev (parts);
  return ok;
}

int
main (int argc, char **argv)
{
  char **type_specs = NULL, **files = NULL, *types_file = NULL;
  GOptionEntry entries[] = {
    { "type", 't', 0, G_OPTION_ARG_STRING_ARRAY, &type_specs,
      "Declare a project type without a template", "NAME=PARENT" },
    { "types-file", 0, 0, G_OPTION_ARG_FILENAME, &types_file,
      "Read NAME=PARENT lines (# comments) from FILE", "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE.ui…" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  GOptionContext *context;
  GError *error = NULL;
  GtkBuilderScope *scope;
  guint i, n_failed = 0, n_files;
  int status = 0;

  /* No accessibility bus is needed to build widgets. */
  g_setenv ("GTK_A11Y", "none", FALSE);

  context = g_option_context_new ("- check GtkBuilder .ui files that use GTK, libadwaita and "
                                  "the project's templates");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("validate-ui: %s\n", error->message);
      return 2;
    }
  g_option_context_free (context);
  if (files == NULL || files[0] == NULL)
    {
      g_printerr ("validate-ui: no .ui files given\n");
      return 2;
    }

  if (!gtk_init_check ())
    {
      g_printerr ("validate-ui: cannot open a display; run it under xvfb-run (skipped)\n");
      return 77;
    }
  adw_init ();
  g_log_set_writer_func (log_writer, NULL, NULL);

  docs = g_ptr_array_new ();
  stand_ins = g_hash_table_new (g_str_hash, g_str_equal);
  uses = g_ptr_array_new ();
  global_errors = g_string_new (NULL);
  scratch_builder = gtk_builder_new ();

  for (i = 0; type_specs && type_specs[i]; i++)
    if (!declare_type (type_specs[i], "--type"))
      status = 2;
  if (types_file != NULL)
    {
      char *contents = NULL;
      char **lines;
      guint n;

      if (!g_file_get_contents (types_file, &contents, NULL, &error))
        {
          g_printerr ("validate-ui: %s\n", error->message);
          return 2;
        }
      lines = g_strsplit (contents, "\n", -1);
      for (n = 0; lines[n]; n++)
        {
          char *line = g_strstrip (lines[n]);
          char *where = g_strdup_printf ("%s:%u", types_file, n + 1);
          if (*line != '\0' && *line != '#' && !declare_type (line, where))
            status = 2;
          g_free (where);
        }
      g_strfreev (lines);
      g_free (contents);
    }
  if (status != 0)
    return status;

  for (i = 0; files[i]; i++)
    {
      Doc *doc = g_new0 (Doc, 1);

      doc->display = g_strdup (files[i]);
      doc->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      if (!g_file_get_contents (files[i], &doc->text, NULL, &error))
        {
          doc_error (doc, 0, error->message);
          g_clear_error (&error);
        }
      g_ptr_array_add (docs, doc);
    }
  n_files = docs->len;

  /* Scanning can append list item factory documents to docs: loop on the growing array. */
  for (i = 0; i < docs->len; i++)
    {
      Doc *doc = g_ptr_array_index (docs, i);
      if (doc->text != NULL && !doc->failed)
        scan_doc (doc);
    }

  resolve_uses ();
  {
    GHashTableIter iter;
    gpointer key, value;
    g_hash_table_iter_init (&iter, stand_ins);
    while (g_hash_table_iter_next (&iter, &key, &value))
      resolve_type (key, 0);
  }
  if (global_errors->len > 0)
    {
      g_printerr ("%s", global_errors->str);
      status = 1;
    }

  scope = g_object_new (VALIDATE_UI_TYPE_SCOPE, NULL);
  for (i = 0; i < docs->len; i++)
    {
      Doc *doc = g_ptr_array_index (docs, i);

      if (!doc->failed)
        validate_doc (doc, scope);
      if (doc->failed)
        n_failed++;
      g_print ("%s %s\n", doc->failed ? "FAIL" : "ok  ", doc->display);
    }
  g_object_unref (scope);

  g_print ("validate-ui: %u file(s) and %u list item template(s) checked, %u failed%s\n", n_files,
           docs->len - n_files, n_failed, status ? "; errors in project types above" : "");
  return (n_failed > 0 || status != 0) ? 1 : 0;
}
