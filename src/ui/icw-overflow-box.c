/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-overflow-box.c: the buttons of a bar (a document's Check, Mark as Ready, Submit…, the editor's
 * own and the Print menu) in a row as long as they fit; when the bar is narrower, the buttons from
 * the first on go into a "More" menu at the row's start, so that the last ones (the life cycle's
 * next step) stay in sight, and the bar never makes the window wider than the menu button and one
 * button. The menu is made when it opens, from the buttons then hidden: a button's label, which
 * clicks the button (overflow.activate), and a menu button's own menu as a section. Hidden buttons
 * (not visible) take no room and are not in the menu. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-overflow-box.h"

#define SPACING 6

struct _IcwOverflowBox
{
  GtkWidget parent_instance;

  GtkWidget *more;        /* the menu button, the first child */
  GSimpleActionGroup *actions;
  guint n_overflowed;     /* the visible buttons after `more` that the last allocation hid */
};

G_DEFINE_FINAL_TYPE (IcwOverflowBox, icw_overflow_box, GTK_TYPE_WIDGET)

static int
width_of (GtkWidget *child,
          gboolean   natural)
{
  int min, nat;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  return natural ? nat : min;
}

static void
icw_overflow_box_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  IcwOverflowBox *self = ICW_OVERFLOW_BOX (widget);
  int min = 0, nat = 0, last = 0;
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_next_sibling (self->more); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
      n++;
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          nat += child_nat + (n > 1 ? SPACING : 0);
          last = child_min;
        }
      else
        {
          min = MAX (min, child_min);
          nat = MAX (nat, child_nat);
        }
    }
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    /* At the narrowest: the menu and the last button. */
    min = n > 1 ? width_of (self->more, FALSE) + SPACING + last : last;
  else
    {
      int more_min, more_nat;

      gtk_widget_measure (self->more, orientation, -1, &more_min, &more_nat, NULL, NULL);
      min = MAX (min, more_min);
      nat = MAX (nat, more_nat);
    }
  *minimum = min;
  *natural = MAX (nat, min);
  *minimum_baseline = *natural_baseline = -1;
}

static void
icw_overflow_box_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  IcwOverflowBox *self = ICW_OVERFLOW_BOX (widget);
  int needed = 0, room, x;
  guint n = 0;
  GtkWidget *child;

  for (child = gtk_widget_get_next_sibling (self->more); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      needed += width_of (child, TRUE) + (n++ > 0 ? SPACING : 0);
  room = width;
  self->n_overflowed = 0;
  if (needed > width)
    room -= width_of (self->more, FALSE) + SPACING;
  /* From the last button back: each one that still fits is shown; the first that does not, and
   * all before it, go into the menu. */
  x = width;
  for (child = gtk_widget_get_last_child (widget); child != self->more; child = gtk_widget_get_prev_sibling (child))
    {
      int w;

      if (!gtk_widget_get_visible (child))
        continue;
      w = width_of (child, TRUE);
      if (self->n_overflowed == 0 && (needed <= width || w <= room))
        {
          room -= w + SPACING;
          x -= w;
          gtk_widget_set_child_visible (child, TRUE);
          gtk_widget_size_allocate (child, &(GtkAllocation) { x, 0, w, height }, baseline);
          x -= SPACING;
        }
      else
        {
          self->n_overflowed++;
          gtk_widget_set_child_visible (child, FALSE);
        }
    }
  gtk_widget_set_child_visible (self->more, self->n_overflowed > 0);
  if (self->n_overflowed > 0)
    gtk_widget_size_allocate (self->more, &(GtkAllocation) { 0, 0, width_of (self->more, FALSE), height }, baseline);
}

/* overflow.activate (position): a click on the button at that position among the children. */
static void
on_activate (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       data)
{
  IcwOverflowBox *self = data;
  guint position = g_variant_get_uint32 (parameter);
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));

  for (guint i = 0; child != NULL && i < position; i++)
    child = gtk_widget_get_next_sibling (child);
  if (child != NULL && child != self->more)
    gtk_widget_activate (child);
}

static void
make_menu (GtkMenuButton *more,
           gpointer       data)
{
  IcwOverflowBox *self = data;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) buttons = g_menu_new ();
  guint position = 1;

  g_menu_append_section (menu, NULL, G_MENU_MODEL (buttons));
  for (GtkWidget *child = gtk_widget_get_next_sibling (self->more); child != NULL;
       child = gtk_widget_get_next_sibling (child), position++)
    {
      if (!gtk_widget_get_visible (child) || gtk_widget_get_child_visible (child))
        continue;
      if (GTK_IS_MENU_BUTTON (child) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (child)) != NULL)
        g_menu_append_section (menu, NULL, gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (child)));
      else if (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) != NULL)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (gtk_button_get_label (GTK_BUTTON (child)), NULL);

          g_menu_item_set_action_and_target_value (item, "overflow.activate", g_variant_new_uint32 (position));
          g_menu_append_item (buttons, item);
        }
    }
  gtk_menu_button_set_menu_model (more, G_MENU_MODEL (menu));
}

guint
icw_overflow_box_n_overflowed (IcwOverflowBox *self)
{
  g_return_val_if_fail (ICW_IS_OVERFLOW_BOX (self), 0);
  return self->n_overflowed;
}

void
icw_overflow_box_insert_after (IcwOverflowBox *self,
                               GtkWidget      *button,
                               GtkWidget      *sibling)
{
  g_return_if_fail (ICW_IS_OVERFLOW_BOX (self));

  gtk_widget_insert_after (button, GTK_WIDGET (self), sibling != NULL ? sibling : self->more);
}

void
icw_overflow_box_append (IcwOverflowBox *self,
                         GtkWidget      *button)
{
  g_return_if_fail (ICW_IS_OVERFLOW_BOX (self));

  gtk_widget_insert_before (button, GTK_WIDGET (self), NULL);
}

static void
icw_overflow_box_dispose (GObject *object)
{
  IcwOverflowBox *self = ICW_OVERFLOW_BOX (object);

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  self->more = NULL;
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (icw_overflow_box_parent_class)->dispose (object);
}

static void
icw_overflow_box_class_init (IcwOverflowBoxClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = icw_overflow_box_dispose;
  widget_class->measure = icw_overflow_box_measure;
  widget_class->size_allocate = icw_overflow_box_size_allocate;
}

static void
icw_overflow_box_init (IcwOverflowBox *self)
{
  static const GActionEntry entries[] = { { "activate", on_activate, "u", NULL, NULL, { 0 } } };

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "overflow", G_ACTION_GROUP (self->actions));

  /* One control for a screen reader: the menu button a group, its inner button named (as the
   * window's main menu). */
  self->more = g_object_new (GTK_TYPE_MENU_BUTTON, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->more), "view-more-symbolic");
  gtk_widget_set_tooltip_text (self->more, _("More Actions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (self->more)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("More Actions"), -1);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->more), make_menu, self, NULL);
  gtk_widget_set_parent (self->more, GTK_WIDGET (self));
  gtk_widget_set_child_visible (self->more, FALSE);
}

GtkWidget *
icw_overflow_box_new (void)
{
  return g_object_new (ICW_TYPE_OVERFLOW_BOX, NULL);
}
