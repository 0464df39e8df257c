"""One module per algorithm (or per small family); the provider discovers them."""
