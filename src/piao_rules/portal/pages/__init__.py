"""The portal's pages, one module per concern; each adds its routes to the app."""
