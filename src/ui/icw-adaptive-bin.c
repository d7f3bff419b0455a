/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-adaptive-bin.c: the adaptive layout of every level of the window (the window's page list and
 * its page, a register's list and its editor, an editor's section list and its section). libadwaita
 * 1.2 has no breakpoints: the bin holds an AdwLeaflet and lets it unfold only while the bin is
 * given its unfold width (set in its own allocation, so each level decides from the room it has,
 * not from the window's), so the outer levels fold first and the page being worked on keeps its
 * sidebar longest. The leaflet still folds by itself when its children's minimum widths do not fit.
 * Folded, the content is shown by default; a change of what is shown or of the folding asks the
 * window (win.adaptive-changed, when there is one) to update its Back button, which goes back in the
 * innermost folded bin that shows its content. A window of its own has a Back button of the bin's
 * (icw_adaptive_bin_back_button_new). Both buttons are shown or hidden once the allocation that
 * folded the leaflet is over, never inside it. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-adaptive-bin.h"

struct _IcwAdaptiveBin
{
  GtkWidget parent_instance;

  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkWidget *content;
  int unfold_width;
};

static void icw_adaptive_bin_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IcwAdaptiveBin, icw_adaptive_bin, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, icw_adaptive_bin_buildable_init))

enum {
  PROP_0,
  PROP_UNFOLD_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In a .ui file: the first <child> is the sidebar, the second the content (untyped, so that the
 * stand-in of data/validate-ui.c, a plain GtkWidget, takes them too). */
static void
icw_adaptive_bin_add_child (GtkBuildable *buildable,
                            GtkBuilder   *builder,
                            GObject      *child,
                            const char   *type)
{
  IcwAdaptiveBin *self = ICW_ADAPTIVE_BIN (buildable);

  if (type != NULL || !GTK_IS_WIDGET (child) || (self->sidebar != NULL && self->content != NULL))
    g_warning ("IcwAdaptiveBin takes two untyped widget children: the sidebar, then the content");
  else if (self->sidebar == NULL)
    icw_adaptive_bin_set_sidebar (self, GTK_WIDGET (child));
  else
    icw_adaptive_bin_set_content (self, GTK_WIDGET (child));
}

static void
icw_adaptive_bin_buildable_init (GtkBuildableIface *iface)
{
  iface->add_child = icw_adaptive_bin_add_child;
}

static void
tell_window (IcwAdaptiveBin *self)
{
  /* Nothing to tell outside a window that has the action (an editor alone, in a test). */
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.adaptive-changed", NULL);
}

static void
icw_adaptive_bin_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (ICW_ADAPTIVE_BIN (widget)->leaflet), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
icw_adaptive_bin_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  IcwAdaptiveBin *self = ICW_ADAPTIVE_BIN (widget);
  gboolean can_unfold = width >= self->unfold_width;

  /* Before the leaflet is allocated, so that it folds or unfolds in this very allocation. */
  if (can_unfold != adw_leaflet_get_can_unfold (self->leaflet))
    adw_leaflet_set_can_unfold (self->leaflet, can_unfold);
  gtk_widget_allocate (GTK_WIDGET (self->leaflet), width, height, baseline, NULL);
}

static void
icw_adaptive_bin_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (icw_adaptive_bin_parent_class)->root (widget);
  tell_window (ICW_ADAPTIVE_BIN (widget));
}

static void
icw_adaptive_bin_dispose (GObject *object)
{
  IcwAdaptiveBin *self = ICW_ADAPTIVE_BIN (object);

  if (self->leaflet != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->leaflet));
  self->leaflet = NULL;

  G_OBJECT_CLASS (icw_adaptive_bin_parent_class)->dispose (object);
}

static void
icw_adaptive_bin_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_UNFOLD_WIDTH:
      g_value_set_int (value, ICW_ADAPTIVE_BIN (object)->unfold_width);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_adaptive_bin_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IcwAdaptiveBin *self = ICW_ADAPTIVE_BIN (object);

  switch (prop_id)
    {
    case PROP_UNFOLD_WIDTH:
      if (self->unfold_width != g_value_get_int (value))
        {
          self->unfold_width = g_value_get_int (value);
          gtk_widget_queue_allocate (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_adaptive_bin_class_init (IcwAdaptiveBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icw_adaptive_bin_dispose;
  object_class->get_property = icw_adaptive_bin_get_property;
  object_class->set_property = icw_adaptive_bin_set_property;

  properties[PROP_UNFOLD_WIDTH] =
    g_param_spec_int ("unfold-width", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = icw_adaptive_bin_measure;
  widget_class->size_allocate = icw_adaptive_bin_size_allocate;
  widget_class->root = icw_adaptive_bin_root;
}

static void
icw_adaptive_bin_init (IcwAdaptiveBin *self)
{
  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_fold_threshold_policy (self->leaflet, ADW_FOLD_THRESHOLD_POLICY_MINIMUM);
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  adw_leaflet_set_transition_type (self->leaflet, ADW_LEAFLET_TRANSITION_TYPE_OVER);
  gtk_widget_set_parent (GTK_WIDGET (self->leaflet), GTK_WIDGET (self));
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (tell_window), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::visible-child", G_CALLBACK (tell_window), self, G_CONNECT_SWAPPED);
}

GtkWidget *
icw_adaptive_bin_new (int unfold_width)
{
  return g_object_new (ICW_TYPE_ADAPTIVE_BIN, "unfold-width", unfold_width, NULL);
}

void
icw_adaptive_bin_set_sidebar (IcwAdaptiveBin *self,
                              GtkWidget      *sidebar)
{
  GtkWidget *separator;

  g_return_if_fail (ICW_IS_ADAPTIVE_BIN (self) && self->sidebar == NULL);

  separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  /* The sidebar, the separator, then the content, also as the leaflet's widgets: focus (Tab),
   * the accessible tree and a walk of the widgets go in that order. */
  self->sidebar = sidebar;
  adw_leaflet_page_set_navigatable (adw_leaflet_prepend (self->leaflet, separator), FALSE);
  adw_leaflet_prepend (self->leaflet, sidebar);
  gtk_widget_insert_after (separator, GTK_WIDGET (self->leaflet), NULL);
  gtk_widget_insert_after (sidebar, GTK_WIDGET (self->leaflet), NULL);
  if (self->content != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

void
icw_adaptive_bin_set_content (IcwAdaptiveBin *self,
                              GtkWidget      *content)
{
  g_return_if_fail (ICW_IS_ADAPTIVE_BIN (self) && self->content == NULL);

  self->content = content;
  adw_leaflet_append (self->leaflet, content);
  adw_leaflet_set_visible_child (self->leaflet, content);
}

AdwLeaflet *
icw_adaptive_bin_get_leaflet (IcwAdaptiveBin *self)
{
  g_return_val_if_fail (ICW_IS_ADAPTIVE_BIN (self), NULL);
  return self->leaflet;
}

GtkWidget *
icw_adaptive_bin_get_sidebar (IcwAdaptiveBin *self)
{
  g_return_val_if_fail (ICW_IS_ADAPTIVE_BIN (self), NULL);
  return self->sidebar;
}

gboolean
icw_adaptive_bin_get_folded (IcwAdaptiveBin *self)
{
  g_return_val_if_fail (ICW_IS_ADAPTIVE_BIN (self), FALSE);
  return adw_leaflet_get_folded (self->leaflet);
}

void
icw_adaptive_bin_show_content (IcwAdaptiveBin *self)
{
  g_return_if_fail (ICW_IS_ADAPTIVE_BIN (self));
  if (self->content != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

void
icw_adaptive_bin_show_sidebar (IcwAdaptiveBin *self)
{
  g_return_if_fail (ICW_IS_ADAPTIVE_BIN (self));
  if (self->sidebar != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

IcwAdaptiveBin *
icw_adaptive_bin_find_back (GtkWidget *root)
{
  IcwAdaptiveBin *found = NULL;

  if (!gtk_widget_get_visible (root))
    return NULL;
  if (ICW_IS_ADAPTIVE_BIN (root))
    {
      IcwAdaptiveBin *bin = ICW_ADAPTIVE_BIN (root);
      GtkWidget *shown = adw_leaflet_get_visible_child (bin->leaflet);

      /* Folded, only the side shown counts; showing its content, the bin itself is where Back
       * goes unless a bin inside the content shows its own. */
      if (adw_leaflet_get_folded (bin->leaflet) && shown != NULL)
        {
          found = icw_adaptive_bin_find_back (shown);
          return found != NULL || shown != bin->content ? found : bin;
        }
      found = bin->content != NULL ? icw_adaptive_bin_find_back (bin->content) : NULL;
      return found != NULL || bin->sidebar == NULL ? found : icw_adaptive_bin_find_back (bin->sidebar);
    }
  /* A stack's pages other than the one shown are out of sight. */
  if (GTK_IS_STACK (root))
    return gtk_stack_get_visible_child (GTK_STACK (root)) != NULL
           ? icw_adaptive_bin_find_back (gtk_stack_get_visible_child (GTK_STACK (root))) : NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL && found == NULL;
       child = gtk_widget_get_next_sibling (child))
    found = icw_adaptive_bin_find_back (child);
  return found;
}

/* A Back button's state, the button's own data. Its visibility follows the leaflet a main loop
 * turn later, as the window's Back button does: the leaflet folds inside its allocation, when the
 * header bar holding the button may already be allocated; shown or hidden then, the button would
 * leave the header bar without an allocation for the frame being drawn (GTK warns and draws
 * nothing of it). */
typedef struct {
  GtkWidget *button;   /* not a reference: this is its data */
  GWeakRef   bin;
  guint      source;
} BackButton;

static void
back_button_free (BackButton *back)
{
  g_clear_handle_id (&back->source, g_source_remove);
  g_weak_ref_clear (&back->bin);
  g_free (back);
}

static void
back_button_update (BackButton *back)
{
  g_autoptr(IcwAdaptiveBin) self = g_weak_ref_get (&back->bin);

  if (self != NULL)
    gtk_widget_set_visible (back->button, adw_leaflet_get_folded (self->leaflet) && self->content != NULL &&
                                          adw_leaflet_get_visible_child (self->leaflet) == self->content);
}

static gboolean
back_button_update_idle (gpointer data)
{
  BackButton *back = data;

  back->source = 0;
  back_button_update (back);
  return G_SOURCE_REMOVE;
}

/* (swapped: the button first) */
static void
back_button_queue_update (GtkWidget *button)
{
  BackButton *back = g_object_get_data (G_OBJECT (button), "icw-adaptive-bin-back");

  if (back->source == 0)
    back->source = g_idle_add (back_button_update_idle, back);
}

GtkWidget *
icw_adaptive_bin_back_button_new (IcwAdaptiveBin *self)
{
  GtkWidget *button;
  BackButton *back;

  g_return_val_if_fail (ICW_IS_ADAPTIVE_BIN (self), NULL);

  button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  back = g_new0 (BackButton, 1);
  back->button = button;
  g_weak_ref_init (&back->bin, self);
  g_object_set_data_full (G_OBJECT (button), "icw-adaptive-bin-back", back, (GDestroyNotify) back_button_free);
  gtk_widget_set_tooltip_text (button, _("Back"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back"), -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (icw_adaptive_bin_show_sidebar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (back_button_queue_update), button, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::visible-child", G_CALLBACK (back_button_queue_update), button, G_CONNECT_SWAPPED);
  back_button_update (back);
  return button;
}
