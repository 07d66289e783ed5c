"""The portal's pages, one module per concern; each registers its routes on the app."""
